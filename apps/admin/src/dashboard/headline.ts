/**
 * What each headline card shows, from a summary. Under conventions 2 public money comes first: each card shows the
 * figure without the households' (`USAGER`) share, with the all-payers figure and « dont ménages » as secondary text.
 * Money is shown as « 1,54 M€ » on the card and exactly in the card's explanation; the per-euro figure as « 0,92 € ».
 */
import { subtractDecimals } from '../format/decimal-arithmetic';
import { NO_VALUE, formatMoney, formatMoneyCompact, formatPerEuro } from '../format/decimal-format';
import type { IndicatorSummary, MaybeDecimal } from '@levier/contracts';

/** The four slots of the headline, in order; also the indicator each card's « Comment est-ce calculé ? » explains. */
export const HEADLINE_KEYS = ['grossSavings', 'cost', 'netSavings', 'offsetRatio'] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

/** The public-finance figure of each slot (conventions 2). */
export const PUBLIC_KEYS = {
  grossSavings: 'publicSavings',
  cost: 'publicCost',
  netSavings: 'publicNetSavings',
  offsetRatio: 'publicOffsetRatio',
} as const;
export type PublicKey = (typeof PUBLIC_KEYS)[HeadlineKey];

export interface Headline {
  /** The slot (test ids and the explanation use it). */
  key: HeadlineKey;
  /** The summary field the card's main value is: the slot itself, or its public figure under conventions 2. */
  shown: HeadlineKey | PublicKey;
  raw: MaybeDecimal;
  /** As read on the card: « 1,54 M€ », « 0,92 € ». */
  value: string;
  /** To the cent, for the explanation: « 1 539 410,12 € ». */
  exact: string;
  /** Both bounds as on the card, or null when the range is not known. */
  range: { low: string; high: string } | null;
  exactRange: { low: string; high: string } | null;
  /** Conventions 2: the all-payers figure (households included), as on the card. */
  allPayers: string | null;
  /** Conventions 2, money slots: what households account for in the all-payers figure (all payers − public, exact decimals). */
  households: string | null;
  /** i18n key explaining a blank value, or null when there is a value or it is masked. */
  missingReason: string | null;
  /** Withheld by statistical secrecy (the summary is `masked` and the value null): shown as such, never as « — ». */
  masked: boolean;
}

type Field = HeadlineKey | PublicKey;

const isRatio = (field: Field): boolean => field === 'offsetRatio' || field === 'publicOffsetRatio';
const onCard = (field: Field, value: MaybeDecimal | undefined, locale: string): string =>
  isRatio(field) ? formatPerEuro(value, locale) : formatMoneyCompact(value, locale);
const exactly = (field: Field, value: MaybeDecimal | undefined, locale: string): string =>
  isRatio(field) ? formatPerEuro(value, locale) : formatMoney(value, locale);

/** Public figures lead only under conventions 2 and when the API gave them (null = a range mixing both conventions). */
export const showsPublicFirst = (summary: IndicatorSummary): boolean => summary.conventions === 2 && summary.publicSavings !== undefined;

export const toHeadlines = (summary: IndicatorSummary, locale: string = 'fr'): Headline[] => {
  const publicFirst = showsPublicFirst(summary);
  return HEADLINE_KEYS.map((key) => {
    const shown: Field = publicFirst ? PUBLIC_KEYS[key] : key;
    const raw = summary[shown] ?? null;
    const value = onCard(shown, raw, locale);
    const low = summary.ranges?.low?.[shown];
    const high = summary.ranges?.high?.[shown];
    const known = onCard(shown, low, locale) !== NO_VALUE && onCard(shown, high, locale) !== NO_VALUE;
    const masked = summary.masked === true && value === NO_VALUE;
    const all = summary[key] ?? null;
    return {
      key,
      shown,
      raw,
      value,
      exact: exactly(shown, raw, locale),
      range: known ? { low: onCard(shown, low, locale), high: onCard(shown, high, locale) } : null,
      exactRange: known ? { low: exactly(shown, low, locale), high: exactly(shown, high, locale) } : null,
      allPayers: publicFirst ? onCard(key, all, locale) : null,
      households: publicFirst && !isRatio(key) ? formatMoneyCompact(subtractDecimals(all, raw), locale) : null,
      missingReason: value !== NO_VALUE || masked ? null : isRatio(shown) ? 'levier.headline.missing_ratio' : 'levier.headline.missing',
      masked,
    };
  });
};

/** True when the scope has nothing at all to show (no headline value, no payer split). */
export const isEmptySummary = (summary: IndicatorSummary): boolean =>
  HEADLINE_KEYS.every((key) => summary[key] === null || summary[key] === undefined) &&
  Object.values(summary.byPayer ?? {}).every((v) => v === null || v === undefined);
