declare const integer: unique symbol;

/**
 * A number the API only ever answers whole: a count, a year, a line of a file, a version, a position. Any `number`
 * is assignable to it (nothing changes for the code that builds it); it says so to the contract, whose generator
 * (apps/api/src/contracts/response-schemas.ts) writes `"type": "integer"` for it instead of `"type": "number"`.
 */
export type Integer = number & { readonly [integer]?: never };
