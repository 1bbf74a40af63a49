import { performance } from 'node:perf_hooks';
import { LoopSlicer, mapInSlices } from './loop-slicer';
import { demoCatalogue } from '../../../../../test/factories/demo-catalogue.factory';
import { validateRows, validateRowsInSlices } from './validate-rows';
import type { RawRow } from './figure-file.types';

const busy = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin: a CPU-bound row
  }
};

describe(LoopSlicer.name, () => {
  it('lets a timer fire during a long CPU-bound loop', async () => {
    const slicer = new LoopSlicer(10);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const started = performance.now();
    await mapInSlices(Array.from({ length: 200 }), () => busy(1), slicer);
    clearInterval(timer);
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    expect(slicer.yields).toBeGreaterThanOrEqual(10);
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(slicer.longestSliceMs).toBeGreaterThanOrEqual(10);
  });

  it('does not hand the loop back inside a slice', async () => {
    const slicer = new LoopSlicer(10_000);
    let fired = false;
    setImmediate(() => (fired = true));
    expect(await mapInSlices([1, 2, 3], (n, i) => n * 10 + i, slicer)).toEqual([10, 21, 32]);
    expect(fired).toBe(false);
    expect(slicer.yields).toBe(0);
  });
});

describe(validateRowsInSlices.name, () => {
  const rows = (n: number): RawRow[] =>
    Array.from({ length: n }, (_, i) => ({
      line: i + 2,
      cells: {
        orgUnit: i % 2 === 0 ? 'VALMONT-NORD' : 'VALMONT-SUD',
        service: 'SAAD',
        metric: 'spend',
        period: `${2000 + Math.floor(i / 24)}-${String(((i >> 1) % 12) + 1).padStart(2, '0')}`,
        value: i === 7 ? 'douze' : String(100 + i),
      },
    }));

  it('gives exactly what validateRows gives, errors and duplicates included, while yielding', async () => {
    const input = { rows: [...rows(3000), ...rows(3).map((r) => ({ ...r, line: r.line + 5000 }))], catalogue: demoCatalogue() };
    const slicer = new LoopSlicer(0);
    const sliced = await validateRowsInSlices(input, slicer);
    expect(sliced).toEqual(validateRows(input));
    expect(sliced.ok).toBe(false);
    expect(slicer.yields).toBeGreaterThan(1000);
  });

  it('gives the same rows as validateRows on a valid file', async () => {
    const input = { rows: rows(500).filter((r) => r.line !== 9), catalogue: demoCatalogue() };
    const sliced = await validateRowsInSlices(input, new LoopSlicer(0));
    expect(sliced).toEqual(validateRows(input));
    expect(sliced.ok && sliced.rows.length).toBe(499);
  });
});
