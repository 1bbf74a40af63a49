import { inSlices } from './in-slices';

describe(inSlices.name, () => {
  it('visits every item in order, handing the event loop back between slices so a timer due meanwhile runs', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    const seen: number[] = [];
    const firedAt: number[] = [];
    const timer = setInterval(() => firedAt.push(seen.length), 0);
    const started = Date.now();
    await inSlices(
      items,
      (i) => {
        seen.push(i);
        // about 2 ms of work per slice of 1 000: without a pause between slices the timer could not fire before the end
        if (i % 1_000 === 999) while (Date.now() - started < (i + 1) / 500);
      },
      1_000,
    );
    clearInterval(timer);
    expect(seen).toEqual(items);
    expect(firedAt.some((n) => n > 0 && n < items.length)).toBe(true);
  });

  it('runs a list shorter than a slice at once, and an empty one without waiting', async () => {
    const seen: string[] = [];
    const done = inSlices(['a', 'b'], (x) => seen.push(x), 5);
    expect(seen).toEqual(['a', 'b']);
    await done;
    await expect(inSlices([], () => undefined)).resolves.toBeUndefined();
  });
});
