import { LoopSlices } from './loop-slices';

describe(LoopSlices.name, () => {
  it('hands the event loop back once per full slice, so a timer due meanwhile runs inside a long loop', async () => {
    const sut = new LoopSlices(1_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let pauses = 0;
    const started = Date.now();
    for (let i = 0; i < 10_000; i++) {
      const pause = sut.breathe();
      if (pause) pauses++;
      await pause;
      // busy work: without the pauses the interval could not fire until the loop ends
      while (i % 1_000 === 999 && Date.now() - started < (i + 1) / 500) {
        /* spin about 2 ms per slice */
      }
    }
    clearInterval(timer);
    expect(pauses).toBe(10);
    expect(ticks).toBeGreaterThan(0);
  });

  it('counts several steps at once', () => {
    const sut = new LoopSlices(10);
    expect(sut.breathe(4)).toBeUndefined();
    expect(sut.breathe(5)).toBeUndefined();
    expect(sut.breathe(1)).toBeInstanceOf(Promise);
    expect(sut.breathe(9)).toBeUndefined();
  });
});
