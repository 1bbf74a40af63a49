/** Shapes of `/api/indicators/*` (SPEC §12). Every number is a decimal string, or null when it cannot be computed. */
export type DecimalString = string;
export type MaybeDecimal = DecimalString | null;

export interface IndicatorValues {
  eventsNet: MaybeDecimal;
  grossSavings: MaybeDecimal;
  cost: MaybeDecimal;
  netSavings: MaybeDecimal;
  offsetRatio: MaybeDecimal;
  costPerEventAvoided: MaybeDecimal;
  paybackYears: MaybeDecimal;
  byPayer: Record<string, MaybeDecimal>;
  cashable: MaybeDecimal;
  nonCashable: MaybeDecimal;
}

export interface IndicatorSummary extends IndicatorValues {
  ranges?: { low?: Partial<IndicatorValues> | null; high?: Partial<IndicatorValues> | null } | null;
  methodologyVersion?: string | null;
  computedAt?: string | null;
}

export type SeriesGroupBy = 'period' | 'service' | 'payer';

/** `low` / `high`: either the gross-savings bound itself, or the same indicator object for that bound. */
export type SeriesBound = MaybeDecimal | Partial<Pick<IndicatorValues, 'grossSavings' | 'cost' | 'netSavings' | 'offsetRatio'>>;

export interface SeriesItem {
  key: string;
  grossSavings: MaybeDecimal;
  cost: MaybeDecimal;
  netSavings: MaybeDecimal;
  offsetRatio: MaybeDecimal;
  low?: SeriesBound;
  high?: SeriesBound;
}

export interface IndicatorSeries {
  groupBy: SeriesGroupBy;
  items: SeriesItem[];
}

/** The dashboard scope, kept in the URL. Empty org unit = the whole organisation. */
export interface Scope {
  orgUnit: string;
  from: string;
  to: string;
}
