import type { AggregateOutput, AggregateOutputConventions2 } from './output.types';

/**
 * The summary's scalar indicators (conventions 1; all but `eventsNet` also under 2): the one list of indicator keys.
 * The API masks them together under statistical secrecy and lets targets be set on them; the explainable ones are
 * derived below, and the contract (@levier/contracts) re-exports them.
 */
export const SUMMARY_SCALARS = [
  'eventsNet',
  'grossSavings',
  'cost',
  'netSavings',
  'offsetRatio',
  'costPerEventAvoided',
  'paybackYears',
  'cashable',
  'nonCashable',
] as const satisfies readonly (keyof AggregateOutput)[];
export type SummaryScalar = (typeof SUMMARY_SCALARS)[number];

/** The conventions-2 scalars (public money), masked with the others. */
export const PUBLIC_SCALARS = [
  'publicSavings',
  'publicCost',
  'publicNetSavings',
  'publicOffsetRatio',
] as const satisfies readonly (keyof AggregateOutputConventions2)[];
export type PublicScalar = (typeof PUBLIC_SCALARS)[number];

/** Scalars with no « Comment est-ce calculé ? » panel: a count of events of several kinds, and the non-cashable remainder. */
const NOT_EXPLAINED = ['eventsNet', 'nonCashable'] as const;
type Explained = Exclude<SummaryScalar, (typeof NOT_EXPLAINED)[number]>;
export type ExplainableIndicator = Explained | 'byPayer' | PublicScalar | 'ledger';

/** What the explanation of an indicator covers: the scalars but two, the split by payer, the public scalars, the ledger. */
export const EXPLAINABLE: readonly ExplainableIndicator[] = [
  ...SUMMARY_SCALARS.filter((k): k is Explained => !(NOT_EXPLAINED as readonly string[]).includes(k)),
  'byPayer',
  ...PUBLIC_SCALARS,
  'ledger',
];
