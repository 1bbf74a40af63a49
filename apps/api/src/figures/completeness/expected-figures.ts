import type { Granularity } from '../parsing/figure-file.types';

/**
 * What a service is expected to report each period (SPEC §7, completeness): its spend, one activity measure
 * (person-months or beneficiaries, whichever the service counts), and each outcome it observes (`observed.<code>`).
 */
export const ACTIVITY_METRICS = ['person_months', 'beneficiaries'] as const;
export const ACTIVITY_SLOT = 'person_months|beneficiaries';

export const expectedMetricSlots = (observedOutcomeMetrics: readonly string[]): string[] => ['spend', ACTIVITY_SLOT, ...observedOutcomeMetrics];

/** The slot an entered metric fills, if any. */
export const slotOf = (metric: string): string => ((ACTIVITY_METRICS as readonly string[]).includes(metric) ? ACTIVITY_SLOT : metric);

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
