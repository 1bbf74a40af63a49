import { assertNever } from '../assert-never';
import { FormulaCondition, FormulaNode } from './formula.types';

export interface MetricReference {
  readonly metric: string;
  readonly position: number;
}

/** Every metric reference of a formula with its position, in source order. */
export const references = (formula: FormulaNode): MetricReference[] => {
  const found: MetricReference[] = [];
  const visit = (node: FormulaNode): void => {
    switch (node.kind) {
      case 'number':
        return;
      case 'ref':
        found.push({ metric: node.metric, position: node.position });
        return;
      case 'negate':
        return visit(node.operand);
      case 'binary':
        visit(node.left);
        return visit(node.right);
      case 'call':
        return node.args.forEach(visit);
      case 'if':
        visitCondition(node.condition);
        visit(node.then);
        return visit(node.otherwise);
      default:
        return assertNever(node, 'nœud');
    }
  };
  const visitCondition = (condition: FormulaCondition): void => {
    switch (condition.kind) {
      case 'isMissing':
        return visit(condition.operand);
      case 'compare':
        visit(condition.left);
        return visit(condition.right);
      default:
        return assertNever(condition, 'condition');
    }
  };
  visit(formula);
  return found.sort((left, right) => left.position - right.position);
};

/** The metric references of a formula, each once, in order of first appearance. */
export const dependencies = (formula: FormulaNode): string[] => [...new Set(references(formula).map((reference) => reference.metric))];
