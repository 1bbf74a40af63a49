import type { Granularity } from '../parsing/figure-file.types';

/**
 * What a service is expected to report each period (docs/product-rules.md#ingestion, completeness). By default: its spend, one activity
 * measure (person-months or beneficiaries, whichever the service counts), and each outcome it observes
 * (`observed.<code>`). An admin may configure the list instead (`service_expected_metric`): each metric is then a slot.
 * A slot is filled by any one of its metrics; it is keyed by its metric codes joined with `|`.
 */
export const ACTIVITY_METRICS = ['person_months', 'beneficiaries'] as const;
export const ACTIVITY_SLOT = 'person_months|beneficiaries';

export const expectedMetricSlots = (observedOutcomeMetrics: readonly string[]): string[] => ['spend', ACTIVITY_SLOT, ...observedOutcomeMetrics];

/** The slot an entered metric fills, if any. */
export const slotOf = (metric: string): string => ((ACTIVITY_METRICS as readonly string[]).includes(metric) ? ACTIVITY_SLOT : metric);

/** A service's slots: the configured metrics one by one, or the default slots when nothing is configured. */
export const serviceSlots = (configured: readonly string[] | undefined, observedOutcomeMetrics: readonly string[]): string[] =>
  configured && configured.length > 0 ? [...configured] : expectedMetricSlots(observedOutcomeMetrics);

/** The slot of `slots` an entered metric fills, or null when the service does not expect it. */
export const slotIn = (slots: readonly string[], metric: string): string | null => slots.find((slot) => slot.split('|').includes(metric)) ?? null;

const granularityOf = (period: string): Granularity => (period.length === 4 ? 'year' : period.includes('Q') ? 'quarter' : 'month');

/**
 * The periods of a service's granularity inside `period`: `2024` → 12 months or 4 quarters; `2024-Q1` → 3 months;
 * the same period when the granularities agree; none when the service reports on a longer period than asked.
 */
export const periodsWithin = (period: string, granularity: Granularity): string[] => {
  const asked = granularityOf(period);
  if (asked === granularity) return [period];
  const year = period.slice(0, 4);
  if (asked === 'year') {
    return granularity === 'month'
      ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
      : [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  }
  if (asked === 'quarter' && granularity === 'month') {
    const q = Number(period.slice(6));
    return [1, 2, 3].map((m) => `${year}-${String((q - 1) * 3 + m).padStart(2, '0')}`);
  }
  return [];
};
