import { Decimal, ZERO } from '../money/decimal';
import { Funding } from '../scenario/scenario.types';
import { outcomeCell, sumCells } from './aggregate';
import { costByPayer } from './cost-by-payer';
import { costPresentValue } from './present-value';
import { DiscountParameters, OutcomePeriodResult, SavingsCell } from './savings.types';

/**
 * One service and period under conventions 2: Σ of its outcomes as in conventions 1, with
 * cost = spend / (1 + r)^t0 where `spend` is already in constant euros (`constantEurosSpend`, README 2.4),
 * costByPayer = cost × funding shares (2.5) and eventsByOutcome = { outcome code: events_net }, zeros included (2.6).
 */
export const computeServicePeriodConventions2 = ({
  outcomes,
  spend,
  funding,
  discount,
}: {
  outcomes: readonly { readonly code: string; readonly result: OutcomePeriodResult }[];
  /** Spend of the period in constant euros of the base year. */
  spend: Decimal;
  funding: Funding;
  discount: DiscountParameters;
}): SavingsCell => {
  const benefits = sumCells(outcomes.map(({ result }) => outcomeCell(result)));
  const cost = costPresentValue({ spend, rate: discount.rate, t0: discount.t0 });
  const eventsByOutcome: Record<string, Decimal> = {};
  for (const { code, result } of outcomes) eventsByOutcome[code] = (eventsByOutcome[code] ?? ZERO).plus(result.eventsNet);
  return { ...benefits, spend, cost, costByPayer: costByPayer({ cost, funding }), eventsByOutcome };
};
