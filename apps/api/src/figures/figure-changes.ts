import Decimal from 'decimal.js';
import type { ResolvedFigure } from './figure.repository';
import type { FigureStatus } from './figure.entity';
import type { LoopSlicer } from '../platform/event-loop/loop-slicer';

/** A figure as stored, read under the write lock of its (unit, period). */
export interface StoredFigure {
  id: string;
  orgUnitId: string;
  serviceId: string;
  metricId: string;
  period: string;
  /** Decimal string, as PostgreSQL prints the stored numeric. */
  value: string;
  status: FigureStatus;
  comment: string | null;
}

/** What writing some rows changes: figures to create (ids chosen here), figures whose value or comment changed. */
export interface FigureChanges {
  inserts: { id: string; row: ResolvedFigure }[];
  updates: { row: ResolvedFigure; before: StoredFigure }[];
  unchanged: number;
}

const seriesKey = (f: { orgUnitId: string; serviceId: string; metricId: string }): string => `${f.orgUnitId}|${f.serviceId}|${f.metricId}`;

/** Months, quarters and years are separate histories: `2024`, `2024-Q1`, `2024-03`. */
const periodType = (period: string): 'Y' | 'Q' | 'M' => (period.length === 4 ? 'Y' : period.includes('Q') ? 'Q' : 'M');

/**
 * The stored figures of some series (org unit, service, metric), indexed for the two questions an apply asks of every
 * row: is there a figure under this key already, and what were the previous values of its series?
 */
export class StoredSeries {
  private readonly byKey = new Map<string, StoredFigure>();
  /** Per series and period type, stored figures sorted by period. */
  private readonly sorted = new Map<string, StoredFigure[]>();

  constructor(stored: readonly StoredFigure[]) {
    for (const figure of stored) {
      this.byKey.set(`${seriesKey(figure)}|${figure.period}`, figure);
      const key = `${seriesKey(figure)}|${periodType(figure.period)}`;
      const list = this.sorted.get(key);
      if (list) list.push(figure);
      else this.sorted.set(key, [figure]);
    }
    for (const list of this.sorted.values()) list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  }

  find(row: ResolvedFigure): StoredFigure | undefined {
    return this.byKey.get(`${seriesKey(row)}|${row.period}`);
  }

  /** The values of the last `depth` earlier periods of the row's series and period type, latest first. */
  history(row: ResolvedFigure, depth = 12): string[] {
    const list = this.sorted.get(`${seriesKey(row)}|${periodType(row.period)}`);
    if (!list) return [];
    let end = 0;
    let high = list.length;
    while (end < high) {
      const mid = (end + high) >>> 1;
      if (list[mid].period < row.period) end = mid + 1;
      else high = mid;
    }
    const out: string[] = [];
    for (let i = end - 1; i >= 0 && out.length < depth; i -= 1) out.push(list[i].value);
    return out;
  }
}

const sameValue = (a: string, b: string): boolean => a === b || new Decimal(a).eq(b);

/** Files one row as a creation, a change or a no-op (see planChanges). */
const classify = (changes: FigureChanges, row: ResolvedFigure, stored: StoredSeries, newId: () => string): void => {
  const before = stored.find(row);
  if (!before) changes.inserts.push({ id: newId(), row });
  else if (!sameValue(before.value, row.value) || (row.comment !== null && row.comment !== before.comment)) changes.updates.push({ row, before });
  else changes.unchanged += 1;
};

/**
 * Sorts rows into creations, changes and no-ops against what is stored. A row changes a figure when its value differs
 * numerically (`12.5` and `12.50` are the same value) or when it brings a comment that differs; a row without a
 * comment keeps the stored one. No-ops are neither written nor audited.
 */
export const planChanges = (rows: readonly ResolvedFigure[], stored: StoredSeries, newId: () => string): FigureChanges => {
  const changes: FigureChanges = { inserts: [], updates: [], unchanged: 0 };
  for (const row of rows) classify(changes, row, stored, newId);
  return changes;
};

/** planChanges for a large import: the same plan, handing the event loop back between slices of rows. */
export const planChangesInSlices = async (
  rows: readonly ResolvedFigure[],
  stored: StoredSeries,
  newId: () => string,
  slicer: LoopSlicer,
): Promise<FigureChanges> => {
  const changes: FigureChanges = { inserts: [], updates: [], unchanged: 0 };
  for (const row of rows) {
    classify(changes, row, stored, newId);
    if (slicer.due()) await slicer.pause();
  }
  return changes;
};
