import { Decimal, monthsInPeriod } from '@levier/indicators';

export interface UnitFigure {
  /** The unit's code, or a name for units summed together that all did, or all did not, report person-months here. */
  orgUnit: string;
  service: string;
  period: string;
  metric: string;
  value: Decimal;
}

/**
 * Sums the figures of several org units into one row per (service, period, metric), so that computing the sum
 * gives the sum of the units' results. Exposure is the one non-additive input: the engine takes `person_months`
 * and falls back to `beneficiaries × months` only when it is absent, so a unit that reported only beneficiaries
 * next to units that reported person-months has its beneficiaries converted to person-months first.
 */
export const sumFiguresOverUnits = (rows: readonly UnitFigure[]): { service: string; period: string; metric: string; value: string }[] => {
  const groups = new Map<string, UnitFigure[]>();
  for (const row of rows) {
    const key = `${row.service}\u0000${row.period}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const out: { service: string; period: string; metric: string; value: string }[] = [];
  for (const group of groups.values()) {
    const { service, period } = group[0];
    const unitsWithPersonMonths = new Set(group.filter((r) => r.metric === 'person_months').map((r) => r.orgUnit));
    const totals = new Map<string, Decimal>();
    const add = (metric: string, value: Decimal): void => {
      totals.set(metric, (totals.get(metric) ?? new Decimal(0)).plus(value));
    };
    for (const row of group) {
      if (row.metric === 'beneficiaries' && unitsWithPersonMonths.size > 0 && !unitsWithPersonMonths.has(row.orgUnit)) {
        add('person_months', row.value.times(monthsInPeriod(period)));
      } else {
        add(row.metric, row.value);
      }
    }
    if (unitsWithPersonMonths.size > 0) totals.delete('beneficiaries');
    for (const [metric, value] of [...totals.entries()].sort(([a], [b]) => a.localeCompare(b))) out.push({ service, period, metric, value: value.toFixed() });
  }
  return out;
};
