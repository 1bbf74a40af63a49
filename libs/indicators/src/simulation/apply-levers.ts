import { sumDecimals } from '../money/arithmetic';
import { Decimal, ONE, ZERO } from '../money/decimal';
import { formatMoney } from '../money/round';
import { Figure, Scenario } from '../scenario/scenario.types';
import { Lever, leverAmount, leverName } from './levers';

/**
 * Which services of the scenario make up each service a lever names. The scope's scenario writes a service whose funding
 * plan differs between years once per year (`SAAD_2023`, `SAAD_2024`): `groups` maps each scenario service code to the
 * code users know (`SAAD`). Absent: every scenario service is its own group.
 */
export interface LeverOptions {
  readonly groups?: Readonly<Record<string, string>>;
}

/** Levers that cannot be applied, each message naming the lever and the reason (French): never a partial result. */
export class LeverError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join(' ; '));
    this.name = 'LeverError';
  }
}

/** The metrics a lever moves: spend, exposure and counted outcomes. Other metrics are not read by the engine. */
const isLeverMetric = (metric: string): boolean =>
  metric === 'spend' || metric === 'person_months' || metric === 'beneficiaries' || metric.startsWith('observed.');

const groupOf = (options: LeverOptions, code: string): string => options.groups?.[code] ?? code;

/** The group's spend over the scope's periods (Σ of every member's `spend` figures). */
const spendOf = (figures: readonly Figure[], members: ReadonlySet<string>): Decimal =>
  sumDecimals(figures.filter((f) => members.has(f.service) && f.metric === 'spend').map((f) => f.value));

/** Every figure of the group's spend, exposure and counted outcomes × factor; other figures unchanged. */
const scaleFigures = (figures: readonly Figure[], members: ReadonlySet<string>, factor: Decimal): Figure[] =>
  factor.eq(ONE) ? [...figures] : figures.map((f) => (members.has(f.service) && isLeverMetric(f.metric) ? { ...f, value: f.value.times(factor) } : f));

const money = (value: Decimal): string => `${formatMoney(value)} €`;

/**
 * Applies levers, in order, to a scope's scenario and returns a new scenario (the input is not changed):
 *
 * - `scale` × f: the service's spend, person_months, beneficiaries and observed.* figures × f, every period;
 * - `move` of A € from S to T: the source's spend and activity × (spend_S − A) / spend_S and the target's × (spend_T + A) / spend_T,
 *   spend over the scope's periods, so each period gives or receives in proportion to its own spend;
 * - `redeploy` of n FTE-days at c € a day: a move of n × c €, activity following in the same way.
 *
 * Each lever sees the scenario the previous ones left. A lever naming a service the scenario does not have, or one without
 * any figure in the scope, a move larger than the source's spend, or a move to a service without spend (nothing to be
 * proportional to) is refused: every problem is collected and thrown together as a `LeverError`, never a partial scenario.
 */
export const applyLevers = (scenario: Scenario, levers: readonly Lever[], options: LeverOptions = {}): Scenario =>
  applyLeversWithMoves(scenario, levers, options).scenario;

/**
 * A money lever as applied: what left which service for which, and how much of it falls in each calendar year of the
 * scope (in proportion to the source's spend of that year), for the checks of the year's fongibilité.
 */
export interface AppliedMove {
  /** The lever's position in the list (from 0). */
  readonly index: number;
  readonly kind: 'move' | 'redeploy';
  readonly fromService: string;
  readonly toService: string;
  readonly amount: Decimal;
  readonly byYear: Readonly<Record<string, Decimal>>;
}

/** What a lever reads of a scenario: its services' codes and its figures. */
export interface LeverScenario {
  readonly services: readonly { readonly code: string }[];
  readonly figures: readonly Figure[];
}

/** A product of lever factors kept as a fraction, so that what it scales is divided once (exact when the result is). */
export interface LeverFactor {
  readonly numerator: Decimal;
  readonly denominator: Decimal;
}

/**
 * `applyLevers`, also returning each money lever as applied (`AppliedMove`) and, per group a lever touched, the product
 * of the factors its lever metrics were multiplied by, in lever order (`factors`: the method is linear in them).
 */
export const applyLeversWithMoves = <S extends LeverScenario>(
  scenario: S,
  levers: readonly Lever[],
  options: LeverOptions = {},
): { scenario: S; moves: AppliedMove[]; factors: Map<string, LeverFactor> } => {
  const moves: AppliedMove[] = [];
  const factors = new Map<string, LeverFactor>();
  const times = (group: string, numerator: Decimal, denominator: Decimal = ONE): void => {
    const { numerator: n, denominator: d } = factors.get(group) ?? { numerator: ONE, denominator: ONE };
    factors.set(group, { numerator: n.times(numerator), denominator: d.times(denominator) });
  };
  const known = new Set(scenario.services.map((s) => groupOf(options, s.code)));
  const membersOf = (code: string): Set<string> => new Set(scenario.services.filter((s) => groupOf(options, s.code) === code).map((s) => s.code));
  const problems: string[] = [];
  let figures: Figure[] = [...scenario.figures];

  levers.forEach((lever, index) => {
    const name = leverName(lever as unknown as Record<string, unknown>, index);
    const service = (code: string, role: string): Set<string> | null => {
      if (!known.has(code)) {
        problems.push(`${name} : service ${role} inconnu « ${code} ».`);
        return null;
      }
      const members = membersOf(code);
      if (!figures.some((f) => members.has(f.service))) {
        problems.push(`${name} : le service ${role} « ${code} » n’a aucun chiffre sur le périmètre (hors périmètre).`);
        return null;
      }
      return members;
    };
    if (lever.kind === 'scale') {
      const members = service(lever.service, 'à faire varier');
      if (lever.factor.lte(0)) problems.push(`${name} : le facteur doit être strictement positif (reçu ${lever.factor.toFixed()}).`);
      else if (members !== null) {
        figures = scaleFigures(figures, members, lever.factor);
        times(lever.service, lever.factor);
      }
      return;
    }
    if (lever.fromService === lever.toService) {
      problems.push(`${name} : un levier ne peut pas déplacer vers le service dont il part (${lever.fromService}).`);
      return;
    }
    const from = service(lever.fromService, 'source');
    const to = service(lever.toService, 'cible');
    const amount = leverAmount(lever);
    if (amount.lte(0)) {
      problems.push(`${name} : le montant déplacé doit être strictement positif (reçu ${amount.toFixed()}).`);
      return;
    }
    if (from === null || to === null) return;
    const fromSpend = spendOf(figures, from);
    const toSpend = spendOf(figures, to);
    if (amount.gt(fromSpend)) {
      problems.push(
        `${name} : le montant déplacé (${money(amount)}) dépasse la dépense du service source ${lever.fromService} sur le périmètre (${money(fromSpend)}).`,
      );
      return;
    }
    if (toSpend.lte(0)) {
      problems.push(
        `${name} : le service cible ${lever.toService} n’a aucune dépense sur le périmètre : son activité ne peut pas suivre un budget qu’il n’a pas.`,
      );
      return;
    }
    const byYear: Record<string, Decimal> = {};
    for (const f of figures) {
      if (!from.has(f.service) || f.metric !== 'spend') continue;
      const year = f.period.slice(0, 4);
      byYear[year] = (byYear[year] ?? ZERO).plus(amount.times(f.value).dividedBy(fromSpend));
    }
    moves.push({ index, kind: lever.kind, fromService: lever.fromService, toService: lever.toService, amount, byYear });
    const [fromFactor, toFactor] = [fromSpend.minus(amount).dividedBy(fromSpend), toSpend.plus(amount).dividedBy(toSpend)];
    figures = scaleFigures(figures, from, fromFactor);
    figures = scaleFigures(figures, to, toFactor);
    times(lever.fromService, fromSpend.minus(amount), fromSpend);
    times(lever.toService, toSpend.plus(amount), toSpend);
  });

  if (problems.length > 0) throw new LeverError(problems);
  return { scenario: { ...scenario, figures } as S, moves, factors };
};
