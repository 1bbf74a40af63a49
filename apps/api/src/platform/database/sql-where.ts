/**
 * The WHERE clause of a filtered list and its positional parameters, built condition by condition:
 * `where.add('u.code = ANY(?::varchar[])', codes)` appends the condition with its `?` numbered as the next parameter.
 */
export class SqlWhere {
  private readonly conditions: string[];
  readonly params: unknown[];

  /** Starts from a first condition written with its own `$1…` parameters (usually the organisation). */
  constructor(first: string, ...params: unknown[]) {
    this.conditions = [first];
    this.params = [...params];
  }

  add(sql: string, value: unknown): void {
    this.params.push(value);
    this.conditions.push(sql.replace('?', `$${this.params.length}`));
  }

  get sql(): string {
    return this.conditions.join(' AND ');
  }
}
