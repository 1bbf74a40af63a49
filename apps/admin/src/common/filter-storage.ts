/** List filters saved per user and resource in localStorage (in addition to the URL), restored on the next visit. */
const key = (userId: string | number, resource: string): string => `levier.filters.${userId}.${resource}`;

const meaningful = (filters: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));

export const loadFilters = (userId: string | number, resource: string, storage: Storage = localStorage): Record<string, unknown> | null => {
  try {
    const raw = storage.getItem(key(userId, resource));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const filters = meaningful(parsed as Record<string, unknown>);
    return Object.keys(filters).length > 0 ? filters : null;
  } catch {
    return null;
  }
};

export const saveFilters = (userId: string | number, resource: string, filters: Record<string, unknown>, storage: Storage = localStorage): void => {
  try {
    const kept = meaningful(filters);
    if (Object.keys(kept).length === 0) storage.removeItem(key(userId, resource));
    else storage.setItem(key(userId, resource), JSON.stringify(kept));
  } catch {
    // storage full or disabled: the URL still carries the filters
  }
};
