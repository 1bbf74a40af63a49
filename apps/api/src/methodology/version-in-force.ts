/**
 * The methodology version in force at a date: the one with the latest `effectiveFrom` on or before that day (the
 * highest number among several of that date), or, when every version starts later, the earliest one. A version
 * published today but effective next January does not change today's figures; its number alone never decides.
 */
export const versionInForce = <V extends { version: number; effectiveFrom: string }>(versions: readonly V[], now: Date): V | null => {
  const today = now.toISOString().slice(0, 10);
  const byStart = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version);
  const started = byStart.filter((v) => v.effectiveFrom <= today);
  return started.length > 0 ? started[started.length - 1] : (byStart[0] ?? null);
};
