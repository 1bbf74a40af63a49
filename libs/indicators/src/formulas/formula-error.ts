/** A formula rejected by the tokenizer or the parser: 0-based character offset and a French reason. */
export class FormulaError extends Error {
  override readonly name = 'FormulaError';
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

export const isFormulaError = (value: unknown): value is FormulaError => value instanceof FormulaError;
