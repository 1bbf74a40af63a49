/**
 * Long synchronous loops over a large scope (hundreds of thousands of rows) hold the event loop: every other request
 * waits. `await slices.breathe()` inside such a loop counts steps and, every `size` of them, yields to the event loop
 * (`setImmediate`) so that pending I/O and timers run; otherwise it resolves at once (an already-resolved promise).
 */
export class LoopSlices {
  private steps = 0;

  constructor(private readonly size = 5_000) {}

  /** Counts `steps` (1 by default) and hands the event loop back when a slice is full. */
  breathe(steps = 1): Promise<void> | undefined {
    this.steps += steps;
    if (this.steps < this.size) return undefined;
    this.steps = 0;
    return new Promise((resolve) => setImmediate(resolve));
  }
}
