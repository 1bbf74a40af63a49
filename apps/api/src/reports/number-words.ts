import { Decimal } from '@levier/indicators';

/**
 * How a report's language writes its numbers and amounts, and the words for a value it cannot show: one table per
 * language (french-format.ts, english-format.ts), the same rules for both (the builders below).
 */
export interface NumberWords {
  /** A decimal string written with `decimals` places, half-up, with the language's separators. No float. */
  number: (value: string, decimals: number) => string;
  /** A written amount with its euro sign where the language puts it. */
  euros: (written: string) => string;
  /** A written percentage with its sign. */
  percent: (written: string) => string;
  /** Shown in place of any figure resting on fewer than 5 beneficiaries (docs/product-rules.md#dashboard). */
  masked: string;
  notAvailable: string;
  notComputable: string;
  /** The offset ratio when there is no cost to divide by. */
  offsetNotComputable: string;
  /** The offset sentence around the written amount avoided per euro invested. */
  offset: (writtenEuros: string) => string;
}

type Shown = string | null | undefined;

/** Money with two decimals; masked → the masking words; missing → « not available ». */
export const eurosIn =
  (words: NumberWords) =>
  (value: Shown, masked = false): string =>
    masked ? words.masked : value === null || value === undefined ? words.notAvailable : words.euros(words.number(value, 2));

/** A ratio with two decimals. */
export const ratioIn =
  (words: NumberWords) =>
  (value: Shown, masked = false): string =>
    masked ? words.masked : value === null || value === undefined ? words.notComputable : words.number(value, 2);

/** What one euro invested avoids, in a sentence. */
export const offsetSentenceIn =
  (words: NumberWords) =>
  (ratio: Shown, masked = false): string =>
    masked ? words.masked : ratio === null || ratio === undefined ? words.offsetNotComputable : words.offset(words.euros(words.number(ratio, 2)));

/**
 * A signed change in euros with its percentage of the previous value. The percentage only on a positive base: from
 * zero or a negative base it says nothing.
 */
export const changeIn =
  (words: NumberWords) =>
  (current: string | null, previous: string | null): string => {
    if (current === null || previous === null) return '—';
    const delta = new Decimal(current).minus(previous);
    const sign = delta.isPositive() && !delta.isZero() ? '+' : '';
    const base = new Decimal(previous);
    const pct = !base.isPositive() || base.isZero() ? '' : ` (${sign}${words.percent(words.number(delta.div(base.abs()).times(100).toString(), 1))})`;
    return `${sign}${words.euros(words.number(delta.toString(), 2))}${pct}`;
  };
