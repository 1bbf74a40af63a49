/**
 * Events avoided, per kind of outcome (conventions 2): an EHPAD entry and a hotel night are never added up. The API
 * gives counts with 6 decimals and the outcomes' labels; the dashboard shows labels and counts (« Entrée en EHPAD
 * retardée : 12 »), never a code.
 */
import type { IndicatorSummary, MaybeDecimal } from '@levier/contracts';
import { plotValue } from './series-rows';

export interface EventLine {
  code: string;
  label: string;
  count: MaybeDecimal;
}

/** "ENTREE_EHPAD" → "Entree ehpad": only when the API gave no label, so that a code is never shown as such. */
export const humanizeCode = (code: string): string => {
  const words = code
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const outcomeLabel = (code: string, labels: Record<string, string> | null | undefined): string => {
  const label = labels?.[code];
  return typeof label === 'string' && label.trim() !== '' ? label : humanizeCode(code);
};

/** One line per kind, most events first (order only: the counts stay the API's strings). */
export const toEventLines = (
  eventsByOutcome: Record<string, MaybeDecimal> | null | undefined,
  labels: Record<string, string> | null | undefined,
): EventLine[] =>
  Object.entries(eventsByOutcome ?? {})
    .map(([code, count]) => ({ code, label: outcomeLabel(code, labels), count: count ?? null }))
    .sort((a, b) => (plotValue(b.count) ?? -Infinity) - (plotValue(a.count) ?? -Infinity) || a.label.localeCompare(b.label));

/**
 * What the « Coût par événement évité » line says: a value for a single kind of event (named), « non calculé : plusieurs
 * types d’événements » when kinds differ (conventions 2 gives null), or the conventions-1 value as it is.
 */
export type CostPerEvent = { kind: 'single'; value: MaybeDecimal; outcome: string | null } | { kind: 'several' } | { kind: 'plain'; value: MaybeDecimal };

export const costPerEvent = (summary: Pick<IndicatorSummary, 'costPerEventAvoided' | 'eventsByOutcome' | 'outcomeLabels'>): CostPerEvent => {
  const codes = Object.keys(summary.eventsByOutcome ?? {});
  if (summary.eventsByOutcome === undefined || summary.eventsByOutcome === null) return { kind: 'plain', value: summary.costPerEventAvoided ?? null };
  if (codes.length > 1) return { kind: 'several' };
  return { kind: 'single', value: summary.costPerEventAvoided ?? null, outcome: codes.length === 1 ? outcomeLabel(codes[0], summary.outcomeLabels) : null };
};
