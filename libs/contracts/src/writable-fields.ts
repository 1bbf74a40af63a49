import writable from './generated/writable-fields.json';

/**
 * What each resource's POST / PUT body writes, generated from the API's DTOs (class-validator metadata, the whitelist of
 * its `forbidNonWhitelisted` ValidationPipe): react-admin sends the whole record back, the admin keeps only these.
 */
export const WRITABLE_FIELDS: Readonly<Record<string, readonly string[]>> = writable.fields;

/** Of those, the integer fields (`@IsInt()`), per resource. */
export const INTEGER_FIELDS: Readonly<Record<string, readonly string[]>> = writable.integers;
