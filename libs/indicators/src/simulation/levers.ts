import { d, Decimal, isDecimalLiteral } from '../money/decimal';

/**
 * The levers of the simulator (« Investir dans les bons leviers », issue 18): what a finance officer or a director may
 * try on a scope's scenario before the budget debate. Amounts and factors are decimals, never floats.
 *
 * - `scale`: a service's spend, exposure (person_months, beneficiaries) and counted outcomes (observed.*) × factor;
 * - `move`: `amount` euros of spend from one service to another, the activity of each following its spend;
 *   `chapter` (M57, optional) says which budget chapter the money comes from: 012 (staff) is outside fongibilité;
 * - `redeploy`: `fteDays` FTE-days of staff valued at `dailyCost` € a day, moved as a `move` of that amount (chapter 012).
 */
export type Lever =
  | { readonly kind: 'scale'; readonly service: string; readonly factor: Decimal }
  | { readonly kind: 'move'; readonly fromService: string; readonly toService: string; readonly amount: Decimal; readonly chapter: string | null }
  | { readonly kind: 'redeploy'; readonly fromService: string; readonly toService: string; readonly fteDays: Decimal; readonly dailyCost: Decimal };

export type LeverKind = Lever['kind'];
export const LEVER_KINDS: readonly LeverKind[] = ['scale', 'move', 'redeploy'];

/** At most this many levers in one simulation (a preview must stay fast). */
export const MAX_LEVERS = 20;

/** A lever's one-line name in messages: « levier 2 (move PORTAGE_REPAS → SAAD) ». Index from 0, shown from 1. */
export const leverName = (lever: Partial<Record<string, unknown>>, index: number): string => {
  const text = (value: unknown) => (typeof value === 'string' && value.length <= 64 ? value : '?');
  const kind = text(lever.kind);
  const what =
    lever.kind === 'scale'
      ? `scale ${text(lever.service)}`
      : LEVER_KINDS.includes(kind as LeverKind)
        ? `${kind} ${text(lever.fromService)} → ${text(lever.toService)}`
        : kind;
  return `levier ${index + 1} (${what})`;
};

/** The amount a money lever moves: `amount` for a move, FTE-days × daily cost for a redeployment. */
export const leverAmount = (lever: Exclude<Lever, { kind: 'scale' }>): Decimal => (lever.kind === 'move' ? lever.amount : lever.fteDays.times(lever.dailyCost));

/** The M57 chapter a money lever draws on: staff (012) for a redeployment, the move's own chapter otherwise (null: not said). */
export const leverChapter = (lever: Exclude<Lever, { kind: 'scale' }>): string | null => (lever.kind === 'redeploy' ? '012' : lever.chapter);

export type ParseLeversResult = { ok: true; levers: Lever[] } | { ok: false; errors: string[] };

const SERVICE_CODE = /^[A-Za-z0-9_.-]{1,64}$/;
const CHAPTER = /^\d{2,3}$/;

const decimalOf = (value: unknown): Decimal | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return d(String(value));
  if (typeof value === 'string' && value.length <= 40 && isDecimalLiteral(value.trim())) return d(value.trim());
  return null;
};

/**
 * Reads levers from JSON, with one French message per problem naming the lever and the reason (kind, service codes,
 * factor > 0, amount > 0, FTE-days > 0, daily cost > 0, a move to itself). Whether the services exist in the scope and
 * whether a move exceeds the source's spend is checked by `applyLevers`, which sees the scenario.
 */
export const parseLevers = (raw: unknown): ParseLeversResult => {
  if (!Array.isArray(raw)) return { ok: false, errors: ['levers : une liste de leviers est attendue.'] };
  if (raw.length === 0) return { ok: false, errors: ['levers : indiquez au moins un levier.'] };
  if (raw.length > MAX_LEVERS) return { ok: false, errors: [`levers : ${MAX_LEVERS} leviers au plus par simulation (reçu ${raw.length}).`] };
  const errors: string[] = [];
  const levers: Lever[] = [];
  raw.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push(`levier ${index + 1} : un objet { kind, … } est attendu.`);
      return;
    }
    const lever = item as Record<string, unknown>;
    const name = leverName(lever, index);
    const fail = (reason: string) => errors.push(`${name} : ${reason}`);
    const code = (key: string, role: string): string | null => {
      const value = lever[key];
      if (typeof value === 'string' && SERVICE_CODE.test(value)) return value;
      fail(`${key} : le code du service ${role} est attendu.`);
      return null;
    };
    const positive = (key: string, what: string): Decimal | null => {
      const value = decimalOf(lever[key]);
      if (value === null) {
        fail(`${key} : ${what} doit être un nombre décimal (ex. "1.2").`);
        return null;
      }
      if (value.lte(0)) {
        fail(`${key} : ${what} doit être strictement positif (reçu ${value.toFixed()}).`);
        return null;
      }
      return value;
    };
    const allowed = {
      scale: ['kind', 'service', 'factor'],
      move: ['kind', 'fromService', 'toService', 'amount', 'chapter'],
      redeploy: ['kind', 'fromService', 'toService', 'fteDays', 'dailyCost'],
    };
    if (!LEVER_KINDS.includes(lever.kind as LeverKind)) {
      fail(`kind : type de levier inconnu ; attendu scale (faire varier un service), move (déplacer un budget) ou redeploy (redéployer du personnel).`);
      return;
    }
    const kind = lever.kind as LeverKind;
    const extra = Object.keys(lever).filter((key) => !allowed[kind].includes(key));
    if (extra.length > 0) fail(`champ(s) inconnu(s) pour un levier ${kind} : ${extra.join(', ')}.`);
    const before = errors.length;
    if (kind === 'scale') {
      const service = code('service', 'à faire varier');
      const factor = positive('factor', 'le facteur');
      if (errors.length === before && service !== null && factor !== null) levers.push({ kind, service, factor });
      return;
    }
    const fromService = code('fromService', 'source');
    const toService = code('toService', 'cible');
    if (fromService !== null && fromService === toService) fail(`un levier ne peut pas déplacer vers le service dont il part (${fromService}).`);
    if (kind === 'move') {
      const amount = positive('amount', 'le montant');
      const chapter = lever.chapter ?? null;
      if (chapter !== null && !(typeof chapter === 'string' && CHAPTER.test(chapter))) fail('chapter : un chapitre M57 (ex. "011", "012", "65") est attendu.');
      if (errors.length === before && fromService !== null && toService !== null && amount !== null) {
        levers.push({ kind, fromService, toService, amount, chapter: chapter as string | null });
      }
      return;
    }
    const fteDays = positive('fteDays', 'le nombre de jours ETP');
    const dailyCost = positive('dailyCost', 'le coût journalier');
    if (errors.length === before && fromService !== null && toService !== null && fteDays !== null && dailyCost !== null) {
      levers.push({ kind, fromService, toService, fteDays, dailyCost });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, levers };
};

/** A lever as JSON (decimals as strings), the form a saved simulation stores. */
export const leverToJson = (lever: Lever): Record<string, string> => {
  switch (lever.kind) {
    case 'scale':
      return { kind: lever.kind, service: lever.service, factor: lever.factor.toFixed() };
    case 'move':
      return {
        kind: lever.kind,
        fromService: lever.fromService,
        toService: lever.toService,
        amount: lever.amount.toFixed(),
        ...(lever.chapter === null ? {} : { chapter: lever.chapter }),
      };
    case 'redeploy':
      return {
        kind: lever.kind,
        fromService: lever.fromService,
        toService: lever.toService,
        fteDays: lever.fteDays.toFixed(),
        dailyCost: lever.dailyCost.toFixed(),
      };
  }
};
