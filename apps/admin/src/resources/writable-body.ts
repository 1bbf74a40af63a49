import { INTEGER_FIELDS, WRITABLE_FIELDS } from '@levier/contracts';

/** Left out rather than sent blank: the API then keeps its default (or the current value on update). */
const OMIT_WHEN_BLANK = new Set(['password', 'cashableShare', 'quotite', 'section']);

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The body to send for a resource: only the fields its API DTO writes (@levier/contracts, generated from the DTOs),
 * empty texts as null, integer fields (class-validator's IsInt) as numbers. Unknown resources get the data as is.
 */
export const writableBody = (resource: string, data: Record<string, unknown>): Record<string, unknown> => {
  const fields = WRITABLE_FIELDS[resource];
  if (!fields) return data;
  const integers = new Set(INTEGER_FIELDS[resource] ?? []);
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in data)) continue;
    const value = data[field];
    if (blank(value)) {
      // A user's org unit: absent = the whole organisation (null is not a code).
      if (OMIT_WHEN_BLANK.has(field) || (resource === 'users' && field === 'orgUnit')) continue;
      body[field] = null;
    } else if (integers.has(field) && typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
      body[field] = Number(value.trim());
    } else {
      body[field] = typeof value === 'string' && field !== 'password' ? value.trim() : value;
    }
  }
  return body;
};
