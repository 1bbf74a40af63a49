import { Decimal } from '../money/decimal';
import { outcomeCell, sumCells } from './aggregate';
import { costPresentValue } from './present-value';
import { DiscountParameters, OutcomePeriodResult, SavingsCell } from './savings.types';

/** One service and period: Σ of its outcomes' present values and events, with cost = spend / (1 + r)^t0. */
export const computeServicePeriod = ({
  outcomes,
  spend,
  discount,
}: {
  outcomes: readonly OutcomePeriodResult[];
  spend: Decimal;
  discount: DiscountParameters;
}): SavingsCell => {
  const benefits = sumCells(outcomes.map(outcomeCell));
  return { ...benefits, spend, cost: costPresentValue({ spend, rate: discount.rate, t0: discount.t0 }) };
};
