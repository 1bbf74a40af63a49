/** Hands the event loop back: pending I/O and timers run before the next slice of work. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `each` over `items` in slices of `size`, handing the event loop back between slices: a loop over a large scope
 * (hundreds of thousands of rows) would otherwise hold every other request until it ends.
 */
export const inSlices = async <T>(items: readonly T[], each: (item: T) => void, size = 5_000): Promise<void> => {
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await nextTurn();
    const end = Math.min(start + size, items.length);
    for (let i = start; i < end; i++) each(items[i]);
  }
};
