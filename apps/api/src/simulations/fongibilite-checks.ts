import { AppliedMove, d, Decimal, formatMoney, PERSONNEL_CHAPTER, ZERO } from '@levier/indicators';
import { formatEuros } from '../reports/french-format';
import type { RealExpenditureSource } from '../reallocation/real-expenditure';
import type { Integer } from '@levier/contracts';

/** A year's fongibilité budget as the reallocation module computes it (see `SimulationsService.yearBudgets`). */
export interface YearBudget {
  /** The organisation's voted limit (a share, ≤ 0.075). */
  limit: Decimal;
  /** Real operating expenditure of the year (voted budget, else Σ spend figures), null when there is neither. */
  realExpenditure: Decimal | null;
  realExpenditureSource: RealExpenditureSource | null;
  /** Fongibilité already used that year: Σ the allowed FONGIBILITE transfers decided in the year. */
  used: Decimal;
}

export interface FongibiliteYear {
  year: string;
  /** The lever's share of the year (in proportion to the source's spend of that year). */
  amount: string;
  limit: string;
  realExpenditure: string | null;
  realExpenditureSource: RealExpenditureSource | null;
  /** limit × real expenditure. */
  capacity: string | null;
  used: string;
  /** What was left before this lever (after the year's transfers and the simulation's earlier levers). */
  headroomBefore: string | null;
  /** What is left after it; negative: an overrun. */
  headroomAfter: string | null;
}

export type SimulationCheckKind = 'FONGIBILITE' | 'PERSONNEL_HORS_FONGIBILITE' | 'MEME_FONCTION';
export type SimulationCheckStatus = 'ok' | 'depassement' | 'inconnu' | 'hors_fongibilite' | 'sans_objet';

/** One legal check of a money lever, with its sentence in French. */
export interface SimulationCheck {
  /** The lever's position, from 1. */
  lever: Integer;
  kind: SimulationCheckKind;
  status: SimulationCheckStatus;
  fromService: string;
  toService: string;
  fromFunction: string | null;
  toFunction: string | null;
  chapter: string | null;
  amount: string;
  years: FongibiliteYear[];
  message: string;
}

const percent = (share: Decimal): string => `${share.times(100).toFixed().replace('.', ',')}\u00A0%`;
const euros = (value: Decimal): string => formatEuros(formatMoney(value));
const fn = (code: string | null, label: (code: string) => string | null): string =>
  code === null ? 'sans fonction' : `la fonction ${code}${label(code) ? ` (${label(code)})` : ''}`;

/**
 * The legal checks of a simulation's money levers (issue 18), in lever order:
 *
 * - staff costs (a redeployment, or a move from chapter 012) are outside fongibilité (article L.5217-10-6 CGCT): flagged,
 *   never counted against the headroom;
 * - a move between services of different M57 functions uses the year's fongibilité: headroom = voted limit × real
 *   expenditure − fongibilité already used that year − what the simulation's earlier levers took; the check states the
 *   headroom left, or the overrun (a décision modificative of the assembly is then needed);
 * - a move inside one M57 function needs no fongibilité.
 *
 * A move spread over several years is checked year by year, its share of each year following the source's spend.
 */
export const fongibiliteChecks = ({
  moves,
  chapters,
  functions,
  budgets,
  functionLabel,
  serviceLabel,
}: {
  moves: readonly AppliedMove[];
  /** The lever's chapter by lever index (012 for a redeployment; null when the move does not say). */
  chapters: ReadonlyMap<number, string | null>;
  functions: ReadonlyMap<string, string>;
  budgets: (year: string) => YearBudget;
  functionLabel: (code: string) => string | null;
  /** A service's label, for the sentence (the codes stay in `fromService` / `toService`). */
  serviceLabel: (code: string) => string;
}): SimulationCheck[] => {
  const taken = new Map<string, Decimal>();
  return moves.map((move) => {
    const chapter = chapters.get(move.index) ?? null;
    const [fromFunction, toFunction] = [functions.get(move.fromService) ?? null, functions.get(move.toService) ?? null];
    const base = {
      lever: move.index + 1,
      fromService: move.fromService,
      toService: move.toService,
      fromFunction,
      toFunction,
      chapter,
      amount: formatMoney(move.amount),
    };
    const head = `Levier ${move.index + 1} : ${euros(move.amount)} de « ${serviceLabel(move.fromService)} » vers « ${serviceLabel(move.toService)} »`;
    if (chapter === PERSONNEL_CHAPTER) {
      return {
        ...base,
        kind: 'PERSONNEL_HORS_FONGIBILITE',
        status: 'hors_fongibilite',
        years: [],
        message:
          `${head} : dépenses de personnel (chapitre 012), hors fongibilité des crédits (article L.5217-10-6 du CGCT) : ` +
          `ce mouvement ne peut pas passer par la fongibilité ; il demande une décision modificative votée par l’assemblée.`,
      };
    }
    if (fromFunction === toFunction) {
      return {
        ...base,
        kind: 'MEME_FONCTION',
        status: 'sans_objet',
        years: [],
        message: `${head} : même fonction M57 (${fromFunction ?? 'non renseignée'}) : un virement à l’intérieur de la fonction, sans recours à la fongibilité.`,
      };
    }
    const years = Object.keys(move.byYear)
      .sort()
      .map((year): FongibiliteYear => {
        const amount = move.byYear[year];
        const budget = budgets(year);
        const capacity = budget.realExpenditure === null ? null : budget.limit.times(budget.realExpenditure);
        const before = capacity === null ? null : capacity.minus(budget.used).minus(taken.get(year) ?? ZERO);
        taken.set(year, (taken.get(year) ?? ZERO).plus(amount));
        return {
          year,
          amount: formatMoney(amount),
          limit: budget.limit.toFixed(),
          realExpenditure: budget.realExpenditure === null ? null : formatMoney(budget.realExpenditure),
          realExpenditureSource: budget.realExpenditureSource,
          capacity: capacity === null ? null : formatMoney(capacity),
          used: formatMoney(budget.used),
          headroomBefore: before === null ? null : formatMoney(before),
          headroomAfter: before === null ? null : formatMoney(before.minus(amount)),
        };
      });
    const unknown = years.some((y) => y.headroomAfter === null);
    const over = years.some((y) => y.headroomAfter !== null && d(y.headroomAfter).isNegative());
    const sentences = years.map((y) => {
      if (y.capacity === null) {
        return `${y.year} : ni budget voté ni dépenses saisies, la marge de fongibilité ne peut pas être calculée (saisissez le budget voté, menu Budgets votés)`;
      }
      const source = y.realExpenditureSource === 'budget' ? 'budget voté' : 'dépenses des services saisies, faute de budget voté';
      const after = d(y.headroomAfter!);
      return (
        `${y.year} : ${euros(d(y.amount))} sur une marge de ${euros(d(y.headroomBefore!))} ` +
        `(plafond ${percent(d(y.limit))} × ${euros(d(y.realExpenditure!))} de dépenses réelles (${source}) = ${euros(d(y.capacity))}, ` +
        `déjà utilisés ${euros(d(y.used))}) : ` +
        (after.isNegative() ? `dépassement de ${euros(after.negated())}` : `marge restante ${euros(after)}`)
      );
    });
    const verdict = over
      ? ' Au-delà du plafond, le mouvement demande une décision modificative votée par l’assemblée.'
      : unknown
        ? ''
        : ' Le mouvement tient dans la fongibilité votée.';
    return {
      ...base,
      kind: 'FONGIBILITE',
      status: over ? 'depassement' : unknown ? 'inconnu' : 'ok',
      years,
      message: `${head}, de ${fn(fromFunction, functionLabel)} à ${fn(toFunction, functionLabel)} : fongibilité des crédits. ${sentences.join(' ; ')}.${verdict}`,
    };
  });
};
