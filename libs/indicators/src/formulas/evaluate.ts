import { assertNever } from '../assert-never';
import { Decimal } from '../money/decimal';
import { FormulaCondition, FormulaNode, MetricLookup } from './formula.types';

/**
 * Evaluates a formula with decimals. Missing (null) propagates: blank is not zero.
 * - arithmetic, min, max, comparisons: missing if any operand is missing; x / 0 is missing;
 * - sum(…) ignores missing arguments and is missing only when all are;
 * - if(c, a, b): missing when c is; only the chosen branch is evaluated; isMissing(x) is true when x is missing.
 */
export const evaluateFormula = ({ formula, lookup }: { formula: FormulaNode; lookup: MetricLookup }): Decimal | null => {
  const evaluate = (node: FormulaNode): Decimal | null => {
    switch (node.kind) {
      case 'number':
        return node.value;
      case 'ref':
        return lookup(node.metric) ?? null;
      case 'negate': {
        const operand = evaluate(node.operand);
        return operand === null ? null : operand.negated();
      }
      case 'binary': {
        const left = evaluate(node.left);
        const right = evaluate(node.right);
        if (left === null || right === null) return null;
        switch (node.operator) {
          case '+':
            return left.plus(right);
          case '-':
            return left.minus(right);
          case '*':
            return left.times(right);
          case '/':
            return right.isZero() ? null : left.dividedBy(right);
          default:
            return assertNever(node.operator, 'opérateur');
        }
      }
      case 'call': {
        const values = node.args.map(evaluate);
        const present = values.filter((value): value is Decimal => value !== null);
        switch (node.fn) {
          case 'sum':
            return present.length === 0 ? null : present.reduce((total, value) => total.plus(value));
          case 'min':
            return present.length < values.length ? null : Decimal.min(...present);
          case 'max':
            return present.length < values.length ? null : Decimal.max(...present);
          default:
            return assertNever(node.fn, 'fonction');
        }
      }
      case 'if': {
        const condition = test(node.condition);
        if (condition === null) return null;
        return evaluate(condition ? node.then : node.otherwise);
      }
      default:
        return assertNever(node, 'nœud');
    }
  };

  const test = (condition: FormulaCondition): boolean | null => {
    switch (condition.kind) {
      case 'isMissing':
        return evaluate(condition.operand) === null;
      case 'compare': {
        const left = evaluate(condition.left);
        const right = evaluate(condition.right);
        if (left === null || right === null) return null;
        const order = left.comparedTo(right);
        switch (condition.operator) {
          case '<':
            return order < 0;
          case '<=':
            return order <= 0;
          case '>':
            return order > 0;
          case '>=':
            return order >= 0;
          case '==':
            return order === 0;
          case '!=':
            return order !== 0;
          default:
            return assertNever(condition.operator, 'comparaison');
        }
      }
      default:
        return assertNever(condition, 'condition');
    }
  };

  return evaluate(formula);
};
