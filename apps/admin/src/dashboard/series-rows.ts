/**
 * Series items → chart rows. Recharts plots numbers, so the decimal strings are converted here,
 * for drawing only; every label, tooltip and table cell shows the original strings.
 */
import type { MaybeDecimal, SeriesBound, SeriesCoverage, SeriesGroupBy, SeriesItem, SeriesPeriod } from '@levier/contracts';
import { isDecimalString, intlLocale } from '../format/decimal-format';
import { isPeriod, periodKind } from './scope';

export interface ChartRow {
  key: string;
  label: string;
  grossSavings: number | null;
  cost: number | null;
  netSavings: number | null;
  /** Low–high band of avoided costs (grossSavings), when both bounds are known. */
  range: [number, number] | null;
  item: SeriesItem;
  /** data: the period has values; no_data / unapproved: none (« pas de données » / « non approuvé »), drawn greyed, never 0 €. */
  coverage: SeriesCoverage;
}

/** A period the API lists without values: every figure blank. */
const blankItem = (key: string): SeriesItem => ({ key, grossSavings: null, cost: null, netSavings: null, offsetRatio: null, low: null, high: null });

/** For plotting only. Blank is not zero: a missing value stays a gap in the line. */
export const plotValue = (value: MaybeDecimal | undefined): number | null => {
  if (!isDecimalString(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** The gross-savings bound of a series item's `low` / `high`. */
export const boundValue = (bound: SeriesBound | undefined): MaybeDecimal => {
  if (bound === undefined || bound === null) return null;
  if (typeof bound === 'string') return bound;
  return bound.grossSavings ?? null;
};

/** "2026-03" → "mars 2026", "2026-Q1" → "T1 2026" (fr) / "Q1 2026" (en), "2026" → "2026". */
export const periodLabel = (key: string, locale: string = 'fr'): string => {
  switch (periodKind(key)) {
    case 'year':
      return key;
    case 'quarter':
      return `${locale === 'fr' ? 'T' : 'Q'}${key.slice(6)} ${key.slice(0, 4)}`;
    case 'month':
      return new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1)),
      );
    default:
      return key;
  }
};

export const toChartRows = (items: readonly SeriesItem[], groupBy: SeriesGroupBy, locale: string = 'fr', periods?: readonly SeriesPeriod[]): ChartRow[] => {
  const ordered = groupBy === 'period' ? [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) : [...items];
  const row = (item: SeriesItem, coverage: SeriesCoverage): ChartRow => {
    const low = plotValue(boundValue(item.low));
    const high = plotValue(boundValue(item.high));
    return {
      key: item.key,
      label: groupBy === 'period' && isPeriod(item.key) ? periodLabel(item.key, locale) : item.key,
      grossSavings: plotValue(item.grossSavings),
      cost: plotValue(item.cost),
      netSavings: plotValue(item.netSavings),
      range: low !== null && high !== null ? [Math.min(low, high), Math.max(low, high)] : null,
      item,
      coverage,
    };
  };
  if (groupBy !== 'period' || periods === undefined) return ordered.map((item) => row(item, 'data'));
  // the API lists every period of the range: one row each, a period without values stays a gap with its reason
  const byKey = new Map(ordered.map((item) => [item.key, item]));
  return periods.map((p) => {
    const item = byKey.get(p.key);
    return item && p.coverage === 'data' ? row(item, 'data') : row(blankItem(p.key), p.coverage === 'data' ? 'no_data' : p.coverage);
  });
};
