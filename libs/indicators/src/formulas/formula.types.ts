import { Decimal } from '../money/decimal';

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type AggregateFunction = 'sum' | 'min' | 'max';

/** Numeric expression of a custom indicator (docs/methodology.md#custom-indicators-targets-alerts). `position` is the 0-based offset of the node in the source. */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: Decimal; readonly position: number }
  | { readonly kind: 'ref'; readonly metric: string; readonly position: number }
  | { readonly kind: 'negate'; readonly operand: FormulaNode; readonly position: number }
  | { readonly kind: 'binary'; readonly operator: ArithmeticOperator; readonly left: FormulaNode; readonly right: FormulaNode; readonly position: number }
  | { readonly kind: 'call'; readonly fn: AggregateFunction; readonly args: readonly FormulaNode[]; readonly position: number }
  | { readonly kind: 'if'; readonly condition: FormulaCondition; readonly then: FormulaNode; readonly otherwise: FormulaNode; readonly position: number };

/** Condition of `if(...)`: a comparison or `isMissing(x)`. Conditions exist only inside `if`. */
export type FormulaCondition =
  | { readonly kind: 'compare'; readonly operator: ComparisonOperator; readonly left: FormulaNode; readonly right: FormulaNode; readonly position: number }
  | { readonly kind: 'isMissing'; readonly operand: FormulaNode; readonly position: number };

/** Value of a metric reference in one cell (org unit × service × period); `undefined` or `null` = missing (blank is not zero). */
export type MetricLookup = (metric: string) => Decimal | null | undefined;
