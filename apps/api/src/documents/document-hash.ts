import { createHash } from 'node:crypto';
import type { DocumentModel, HashedDocument } from './document-model';

/**
 * Canonical JSON: object keys sorted by code point at every depth, arrays in order, `undefined` members dropped, so
 * the same facts give the same text whatever order they were gathered in. Maps and sets are written as sorted arrays.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value instanceof Map) return canonicalJson([...value.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0)));
  if (value instanceof Set) return canonicalJson([...value].map((v) => canonicalJson(v)).sort());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

/**
 * SHA-256 of what a document rests on: its kind and its basis (figures, method, parameters), never its language, its
 * print time or its computation time. Two copies with the same hash state the same facts.
 */
export const contentHash = (model: { kind: string; basis: unknown }): string =>
  createHash('sha256')
    .update(canonicalJson({ kind: model.kind, basis: model.basis }), 'utf8')
    .digest('hex');

export const withHash = (model: DocumentModel): HashedDocument => ({ ...model, hash: contentHash(model) });
