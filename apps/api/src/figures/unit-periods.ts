/**
 * The distinct (unit, period)s of some figure keys, grouped by unit, in the order first met: without a key string per
 * row (an import asks it of each of its 100 000 rows per file).
 */
export const periodsByUnit = (keys: Iterable<{ orgUnitId: string; period: string }>): Map<string, Set<string>> => {
  const byUnit = new Map<string, Set<string>>();
  for (const { orgUnitId, period } of keys) {
    let periods = byUnit.get(orgUnitId);
    if (periods === undefined) byUnit.set(orgUnitId, (periods = new Set()));
    periods.add(period);
  }
  return byUnit;
};
