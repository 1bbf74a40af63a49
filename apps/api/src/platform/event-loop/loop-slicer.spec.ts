import { performance } from 'node:perf_hooks';
import { LoopSlicer, mapInSlices } from './loop-slicer';

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

  it('says a slice is due only once it has run its time', () => {
    const slicer = new LoopSlicer(5);
    expect(slicer.due()).toBe(false);
    busy(6);
    expect(slicer.due()).toBe(true);
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
