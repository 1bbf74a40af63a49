import { PAYER_ORDER } from './unit-responses';

/**
 * The SQL shape of one recompute: how many observed-outcome slots and stream years the widest service needs, and the
 * outcome codes whose events are kept apart (conventions 2; none under conventions 1).
 */
export interface Shape {
  slots: number;
  years: number;
  outcomes: readonly string[];
  conventions: 1 | 2;
}

/**
 * Fields of one scenario's part of a value vector: events, gross savings, cashable, non-cashable, the payers
 * (PAYER_ORDER), the events of each outcome code (conventions 2), then the stream k = 0 … years − 1.
 */
export const PAYER_FIELD = 4;
export const eventField = (k: number): number => PAYER_FIELD + PAYER_ORDER.length + k;
export const streamField = (shape: Shape, k: number): number => eventField(shape.outcomes.length) + k;
export const fieldCount = (shape: Shape): number => streamField(shape, shape.years);

export const val = (s: number, f: number): string => `v_${s}_${f}`;
export const coef = (j: number, s: number, f: number): string => `c_${j}_${s}_${f}`;
/** Conventions 2: the coefficient of an observed driver j for a negative count (a harm, not shrunk by the optimism bias). */
export const negCoef = (j: number, s: number, f: number): string => `n_${j}_${s}_${f}`;
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** One service's row of rm_resp: its coefficients in coefficient-column order, payers and outcomes it has, observed metric ids per slot. */
export interface ResponseRow {
  service_id: string;
  slen: number;
  hp: boolean[];
  ho: boolean[];
  slots: string[][];
  coefs: (string | null)[];
}

/** One period of rm_period: bounds, year, and the factors from its spend to constant euros and to its cost. */
export interface PeriodRow {
  period: string;
  start: string;
  end: string;
  year: number;
  spendFactor: string;
  costFactor: string;
}

/** One (service, year) of rm_fund: the funding shares in PAYER_ORDER (null: no share). */
export interface FundingRow {
  service_id: string;
  year: number;
  shares: (string | null)[];
}
