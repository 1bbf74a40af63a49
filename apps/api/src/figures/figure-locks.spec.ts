import fc from 'fast-check';
import { AdvisoryLock, FigureLockKey, FINE_LOCK_BUDGET, figureLocks } from './figure-locks';

const PERIODS = ['2024-01', '2024-02', '2024-03', '2024-04'];
const key = (unit: number, service: number, metric: number, period: number): FigureLockKey => ({
  orgUnitId: `u${unit}`,
  serviceId: `s${service}`,
  metricId: `m${metric}`,
  period: PERIODS[period],
});
const figureId = (k: FigureLockKey): string => `${k.orgUnitId}|${k.serviceId}|${k.metricId}|${k.period}`;

/** Two lock sets exclude each other when they hold one key and at least one of them exclusively. */
const conflict = (a: readonly AdvisoryLock[], b: readonly AdvisoryLock[]): boolean => {
  const modes = new Map(a.map((l) => [l.key, l.shared]));
  return b.some((l) => modes.has(l.key) && !(modes.get(l.key)! && l.shared));
};

/** An export cut into files of `rowsPerFile` rows, in the order unit → service → metric → period. */
const exportFiles = (units: number, services: number, metrics: number, rowsPerFile: number): FigureLockKey[][] => {
  const rows: FigureLockKey[] = [];
  for (let u = 0; u < units; u += 1)
    for (let s = 0; s < services; s += 1) for (let m = 0; m < metrics; m += 1) for (let p = 0; p < PERIODS.length; p += 1) rows.push(key(u, s, m, p));
  const files: FigureLockKey[][] = [];
  for (let i = 0; i < rows.length; i += rowsPerFile) files.push(rows.slice(i, i + rowsPerFile));
  return files;
};

const batch = fc.uniqueArray(
  fc.record({ u: fc.nat(2), s: fc.nat(2), m: fc.nat(1), p: fc.nat(3) }).map(({ u, s, m, p }) => key(u, s, m, p)),
  { minLength: 1, maxLength: 40, selector: figureId },
);

describe('figureLocks', () => {
  it('makes any two writes of a common figure exclude each other, whatever their shapes', () => {
    fc.assert(
      fc.property(batch, batch, (a, b) => {
        const ids = new Set(a.map(figureId));
        if (!b.some((k) => ids.has(figureId(k)))) return;
        expect(conflict(figureLocks(a), figureLocks(b))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes each key once, in one order: (unit, period)s, then series, then figures, each sorted', () => {
    fc.assert(
      fc.property(batch, (rows) => {
        const locks = figureLocks(rows);
        const level = (k: string): number => (k.startsWith('s|') ? 1 : k.startsWith('f|') ? 2 : 0);
        expect(new Set(locks.map((l) => l.key)).size).toBe(locks.length);
        for (let i = 1; i < locks.length; i += 1) {
          const [x, y] = [locks[i - 1].key, locks[i].key];
          expect(level(x) < level(y) || (level(x) === level(y) && x < y)).toBe(true);
        }
      }),
    );
  });

  it('lets consecutive files of one export, cut in the middle of a unit and of a series, run side by side', () => {
    // 5 units × 4 services × 3 metrics × 4 months = 240 rows in files of 50: every cut falls inside a unit
    const files = exportFiles(5, 4, 3, 50);
    expect(files).toHaveLength(5);
    for (let i = 1; i < files.length; i += 1) expect(conflict(figureLocks(files[i - 1]), figureLocks(files[i]))).toBe(false);
    // the same file twice still excludes itself
    expect(conflict(figureLocks(files[1]), figureLocks(files[1]))).toBe(true);
  });

  it('locks a whole unit in the middle of the rows by its (unit, period) keys, exclusively, as the previous writers did', () => {
    const rows = [key(0, 0, 0, 0), key(1, 0, 0, 0), key(1, 1, 0, 0), key(1, 0, 0, 1), key(2, 0, 0, 0)];
    const locks = figureLocks(rows);
    expect(locks.filter((l) => l.key.startsWith('u1|'))).toEqual([
      { key: 'u1|2024-01', shared: false },
      { key: 'u1|2024-02', shared: false },
    ]);
    expect(locks.some((l) => l.key.includes('|u1|'))).toBe(false);
    // the first and last units may be cut: shared above, exclusive below
    expect(locks.filter((l) => l.key.includes('u0'))).toEqual([
      { key: 'u0|2024-01', shared: true },
      { key: 's|u0|s0|m0', shared: true },
      { key: 'f|u0|s0|m0|2024-01', shared: false },
    ]);
    expect(figureLocks([])).toEqual([]);
  });

  it('falls back to whole (unit, period)s when finer locks would exceed the budget', () => {
    const rows: FigureLockKey[] = [];
    // a last unit of FINE_LOCK_BUDGET + 1 series after a first one
    rows.push(key(0, 0, 0, 0), key(0, 0, 0, 1));
    for (let s = 0; s <= FINE_LOCK_BUDGET; s += 1) rows.push(key(1, s, 0, 0));
    const locks = figureLocks(rows);
    expect(locks).toEqual([
      { key: 'u0|2024-01', shared: false },
      { key: 'u0|2024-02', shared: false },
      { key: 'u1|2024-01', shared: false },
    ]);
  });
});
