/** Exhaustiveness guard for discriminated unions: a `switch` that misses a case stops compiling. */
export const assertNever = (value: never, what = 'valeur'): never => {
  throw new Error(`${what} inattendue : ${JSON.stringify(value)}`);
};
