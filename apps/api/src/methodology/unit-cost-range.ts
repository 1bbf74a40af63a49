import Decimal from 'decimal.js';

export interface RangeProblem {
  path: 'amountLow' | 'amountHigh';
  message: string;
}

/**
 * A unit cost's optional range, checked on the row as it will be stored (after an update merged into it): both bounds
 * or neither, and amountLow ≤ amount ≤ amountHigh. French messages naming the field, as every validation error.
 */
export const unitCostRangeProblems = ({
  amount,
  amountLow,
  amountHigh,
}: {
  amount: Decimal;
  amountLow: Decimal | null;
  amountHigh: Decimal | null;
}): RangeProblem[] => {
  if (amountLow === null && amountHigh === null) return [];
  if (amountLow === null) return [{ path: 'amountLow', message: 'amountLow : le montant bas est requis dès qu’un montant haut (amountHigh) est donné' }];
  if (amountHigh === null) return [{ path: 'amountHigh', message: 'amountHigh : le montant haut est requis dès qu’un montant bas (amountLow) est donné' }];
  const problems: RangeProblem[] = [];
  if (amountLow.gt(amount))
    problems.push({
      path: 'amountLow',
      message: `amountLow : le montant bas (${amountLow.toFixed()}) doit être inférieur ou égal au montant (${amount.toFixed()})`,
    });
  if (amountHigh.lt(amount))
    problems.push({
      path: 'amountHigh',
      message: `amountHigh : le montant haut (${amountHigh.toFixed()}) doit être supérieur ou égal au montant (${amount.toFixed()})`,
    });
  return problems;
};
