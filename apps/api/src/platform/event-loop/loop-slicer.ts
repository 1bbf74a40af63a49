import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Time the event loop may be held between two yields: BullMQ's lock renewals and the scheduled jobs run in between. */
export const SLICE_MS = 20;

/**
 * Cooperative time slicing for long loops of the worker (reading, validating and planning a large import): call
 * `pause()` once per item; it hands the event loop back (setImmediate) whenever the current slice has run `sliceMs`
 * or more, so timers, I/O and lock renewals never wait longer than about one slice. Checking the clock is cheap
 * (tens of nanoseconds), so it may be called on every row; awaiting `pause()` is not (a promise and an async resume per
 * row, about a tenth of a large import's parse-and-check time in the worker's profile): loops over many rows ask
 * `due()` first and await `pause()` only then.
 */
export class LoopSlicer {
  private sliceStart = performance.now();
  /** How many times the loop was handed back, and the longest slice run between two hand-backs (ms). */
  yields = 0;
  longestSliceMs = 0;

  constructor(private readonly sliceMs: number = SLICE_MS) {}

  /** Whether the current slice is spent: `if (slicer.due()) await slicer.pause();` costs one clock read inside a slice. */
  due(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Resolves at once (a microtask) inside a slice, after one turn of the event loop once the slice is spent. */
  async pause(): Promise<void> {
    const ran = performance.now() - this.sliceStart;
    if (ran < this.sliceMs) return;
    this.longestSliceMs = Math.max(this.longestSliceMs, ran);
    this.yields += 1;
    await nextTurn();
    this.sliceStart = performance.now();
  }
}

/** `items.map(fn)` that hands the event loop back between slices. */
export const mapInSlices = async <T, U>(items: readonly T[], fn: (item: T, index: number) => U, slicer: LoopSlicer): Promise<U[]> => {
  const out: U[] = new Array<U>(items.length);
  for (let i = 0; i < items.length; i += 1) {
    out[i] = fn(items[i], i);
    if (slicer.due()) await slicer.pause();
  }
  return out;
};
