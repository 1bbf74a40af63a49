/**
 * The API's validation errors → react-admin's server-side validation shape `{ field: message, root: { serverError } }`,
 * so each message shows under its input. The API answers with three shapes:
 *   422 `[{ path: "params.rateWith", message }]` (engine checks), 400 `[{ field, position, message }]` (formulas),
 *   400 `["name : le nom est obligatoire", …]` (class-validator, field named at the start of the message).
 */
export interface ApiFieldError {
  field: string;
  /** The rest of the path under the field (`rateWith` for `params.rateWith`), if any. */
  subPath?: string;
  position?: number;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const splitPath = (path: string): { field: string; subPath?: string } => {
  const [field, ...rest] = path.split('.');
  return rest.length > 0 ? { field, subPath: rest.join('.') } : { field };
};

/** Normalises every error of a problem body; messages without a field get `field: ''`. */
export const apiFieldErrors = (body: unknown): ApiFieldError[] => {
  const list = isObject(body) && Array.isArray(body.errors) ? (body.errors as unknown[]) : [];
  return list.flatMap((e): ApiFieldError[] => {
    if (typeof e === 'string') {
      const m = /^([A-Za-z][\w]*(?:\.[\w]+)*) : (.+)$/s.exec(e.trim());
      return m ? [{ ...splitPath(m[1]), message: m[2] }] : [{ field: '', message: e }];
    }
    if (!isObject(e) || typeof e.message !== 'string') return [];
    const path = typeof e.path === 'string' ? e.path : typeof e.field === 'string' ? e.field : '';
    return [{ ...splitPath(path), message: e.message, ...(typeof e.position === 'number' ? { position: e.position } : {}) }];
  });
};

/** react-admin's `errors` object: one message per top-level field (sub-paths prefixed), the rest as the form's root error. */
export const toFormErrors = (body: unknown, detail?: string): Record<string, unknown> | null => {
  const errors = apiFieldErrors(body);
  if (errors.length === 0) return null;
  const byField: Record<string, string[]> = {};
  const loose: string[] = [];
  for (const e of errors) {
    if (!e.field) loose.push(e.message);
    else (byField[e.field] ??= []).push(e.subPath ? `${e.subPath} : ${e.message}` : e.message);
  }
  const result: Record<string, unknown> = Object.fromEntries(Object.entries(byField).map(([k, v]) => [k, v.join(' ; ')]));
  const root = [detail, ...loose].filter((m): m is string => typeof m === 'string' && m !== '').join(' ');
  if (root) result.root = { serverError: root };
  return result;
};
