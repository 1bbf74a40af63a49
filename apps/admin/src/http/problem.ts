/** RFC 9457 problem+json bodies from the API: `{ type, title, status, detail, errors? }`, messages in French. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The most useful human message of an error body, or `fallback` (an i18n key or a text). */
export const problemMessage = (body: unknown, fallback: string): string => {
  if (!isObject(body)) return fallback;
  for (const key of ['detail', 'title', 'message'] as const) {
    const value = body[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length > 0) return value.join(' ; ');
  }
  return fallback;
};
