import { periodsByUnit } from './unit-periods';

/** The key of a figure as the writer locks it (ids resolved from the catalogue). */
export interface FigureLockKey {
  orgUnitId: string;
  serviceId: string;
  metricId: string;
  period: string;
}

/** One advisory lock of a write: its key (hashed with the organisation by the writer) and its mode. */
export interface AdvisoryLock {
  key: string;
  shared: boolean;
}

/** Series and figure locks a write may add to its (unit, period) locks; above, it locks whole (unit, period)s only. */
export const FINE_LOCK_BUDGET = 1000;

const unitPeriodKey = (k: Pick<FigureLockKey, 'orgUnitId' | 'period'>): string => `${k.orgUnitId}|${k.period}`;
const seriesKey = (k: FigureLockKey): string => `s|${k.orgUnitId}|${k.serviceId}|${k.metricId}`;
const figureKey = (k: FigureLockKey): string => `f|${k.orgUnitId}|${k.serviceId}|${k.metricId}|${k.period}`;

const maxCount = (counts: ReadonlyMap<string, number>): number => Math.max(0, ...counts.values());

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
};

/**
 * The advisory locks that serialise two writes of the same figure, and only those as far as cheaply possible: a
 * hierarchy (unit, period) → series (unit, service, metric) → figure, with intention (shared) locks above the level a
 * write locks exclusively.
 *
 * - A unit in the middle of the rows, with as many rows as the fullest unit, is locked whole: (unit, period) exclusive.
 * - A unit the rows may hold only part of (the unit of the first row and of the last: where a file of an export is
 *   cut; one with fewer rows than the fullest) takes its (unit, period)s shared, then each of its series exclusive,
 *   or, for a series the rows may hold only part of (first, last, fewer periods than the fullest), the series shared
 *   and each of its figures exclusive.
 *
 * Two writes of one figure always meet on a key that one of them holds exclusive (whole unit against anything;
 * series against series; figure against figure): the old value each reads is the other's committed one. Two files
 * cut from one export share only their boundary unit, in shared mode, and go side by side. Locks are taken in one
 * order (all (unit, period)s, then series, then figures, each sorted), so writes never deadlock; the (unit, period)
 * keys are written as before this hierarchy, so a writer of the previous release still conflicts with this one.
 * Above FINE_LOCK_BUDGET series and figure locks (PostgreSQL's lock table is shared by every session), the write
 * locks every (unit, period) it touches exclusively, as a write always did.
 */
export const figureLocks = (rows: readonly FigureLockKey[]): AdvisoryLock[] => {
  if (rows.length === 0) return [];
  const [first, last] = [rows[0], rows[rows.length - 1]];
  const perUnit = countBy(rows, (r) => r.orgUnitId);
  const fullest = maxCount(perUnit);
  const partialUnits = new Set([first.orgUnitId, last.orgUnitId, ...[...perUnit].filter(([, n]) => n < fullest).map(([unit]) => unit)]);
  const partial = rows.filter((r) => partialUnits.has(r.orgUnitId));
  const perSeries = countBy(partial, seriesKey);
  const fullestSeries = maxCount(perSeries);
  const partialSeries = new Set([seriesKey(first), seriesKey(last), ...[...perSeries].filter(([, n]) => n < fullestSeries).map(([series]) => series)]);
  const figures = [...new Set(partial.filter((r) => partialSeries.has(seriesKey(r))).map(figureKey))];

  const withinBudget = perSeries.size + figures.length <= FINE_LOCK_BUDGET;
  const unitPeriods = new Map<string, boolean>();
  for (const [orgUnitId, periods] of periodsByUnit(rows)) {
    for (const period of periods) unitPeriods.set(unitPeriodKey({ orgUnitId, period }), partialUnits.has(orgUnitId) && withinBudget);
  }
  const fine = [...unitPeriods.values()].some((shared) => shared);
  const byKey = (a: AdvisoryLock, b: AdvisoryLock): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const locks = [...unitPeriods].map(([key, shared]) => ({ key, shared })).sort(byKey);
  if (!fine) return locks;
  const series = [...perSeries.keys()].map((key) => ({ key, shared: partialSeries.has(key) })).sort(byKey);
  return [...locks, ...series, ...figures.map((key) => ({ key, shared: false })).sort(byKey)];
};
