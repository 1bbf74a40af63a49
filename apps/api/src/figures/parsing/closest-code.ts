/** Levenshtein distance between two strings, case-insensitive. */
const distance = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
};

/** The known code nearest to a mistyped one (at most 2 edits away, and a single best), for "did you mean" hints. */
export const closestCode = (typed: string, codes: Iterable<string>): string | null => {
  if (typed.length > 100) return null;
  let best: string | null = null;
  let bestDistance = 3;
  let tie = false;
  for (const code of codes) {
    const d = distance(typed, code);
    if (d < bestDistance) [best, bestDistance, tie] = [code, d, false];
    else if (d === bestDistance) tie = true;
  }
  return tie ? null : best;
};
