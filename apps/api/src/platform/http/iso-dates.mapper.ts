type DateKey = 'computedAt' | 'dataAsOf';
type Dated = { [K in DateKey]?: Date | string | null };

/** An answer whose `computedAt` / `dataAsOf` are ISO strings, as its JSON carries them (one case per member of a union). */
export type IsoDated<T> = T extends unknown
  ? Omit<T, DateKey> & { [K in keyof T & DateKey]: Exclude<T[K], Date> | (Extract<T[K], Date> extends never ? never : string) }
  : never;

const iso = (value: Date | string | null | undefined): string | null | undefined => (value instanceof Date ? value.toISOString() : value);

/**
 * The read model's freshness dates as the response declares them: ISO strings (what JSON.stringify writes for a Date, so
 * the bytes sent do not change). Every other key is unchanged and keeps its place.
 */
export const withIsoDates = <T extends Dated>(answer: T): IsoDated<T> => {
  const out: Record<string, unknown> = { ...answer };
  if ('computedAt' in answer) out.computedAt = iso(answer.computedAt);
  if ('dataAsOf' in answer) out.dataAsOf = iso(answer.dataAsOf);
  return out as IsoDated<T>;
};
