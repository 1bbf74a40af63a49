/** What each headline card shows, from a summary: formatted value, range and the reason when blank. */
import { NO_VALUE, formatMoney, formatRatio } from '../format/decimal-format';
import type { IndicatorSummary, MaybeDecimal } from './indicators.types';

export const HEADLINE_KEYS = ['grossSavings', 'cost', 'netSavings', 'offsetRatio'] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

export interface Headline {
  key: HeadlineKey;
  raw: MaybeDecimal;
  value: string;
  /** Both bounds formatted, or null when the range is not known. */
  range: { low: string; high: string } | null;
  /** i18n key explaining a blank value, or null when there is a value or it is masked. */
  missingReason: string | null;
  /** Withheld by statistical secrecy (the summary is `masked` and the value null): shown as such, never as « — ». */
  masked: boolean;
}

const format = (key: HeadlineKey, value: MaybeDecimal | undefined, locale: string): string =>
  key === 'offsetRatio' ? formatRatio(value, locale) : formatMoney(value, locale);

export const toHeadlines = (summary: IndicatorSummary, locale: string = 'fr'): Headline[] =>
  HEADLINE_KEYS.map((key) => {
    const raw = summary[key] ?? null;
    const value = format(key, raw, locale);
    const low = format(key, summary.ranges?.low?.[key], locale);
    const high = format(key, summary.ranges?.high?.[key], locale);
    const masked = summary.masked === true && value === NO_VALUE;
    return {
      key,
      raw,
      value,
      range: low !== NO_VALUE && high !== NO_VALUE ? { low, high } : null,
      missingReason: value !== NO_VALUE || masked ? null : key === 'offsetRatio' ? 'levier.headline.missing_ratio' : 'levier.headline.missing',
      masked,
    };
  });

/** True when the scope has nothing at all to show (no headline value, no payer split). */
export const isEmptySummary = (summary: IndicatorSummary): boolean =>
  HEADLINE_KEYS.every((key) => summary[key] === null || summary[key] === undefined) &&
  Object.values(summary.byPayer ?? {}).every((v) => v === null || v === undefined);
