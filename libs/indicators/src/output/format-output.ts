import { formatExactOrNull, formatMoney, formatMoneyOrNull, formatRatio, formatRatioOrNull } from '../money/round';
import { Decimal } from '../money/decimal';
import { ReallocationResult } from '../reallocation/compute-reallocation';
import { PAYERS } from '../scenario/scenario.types';
import { OutcomePeriodResult, SavingsAggregate } from '../savings/savings.types';
import { AggregateOutput, OutcomeOutput, ReallocationOutput } from './output.types';

const mapValues = <T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));

/** Rounds an aggregate for output: money 2 decimals, events / ratios / years 6 decimals, null kept. Payers in a fixed order. */
export const formatAggregate = (aggregate: SavingsAggregate): AggregateOutput => ({
  eventsNet: formatRatio(aggregate.eventsNet),
  grossSavings: formatMoney(aggregate.grossSavings),
  cost: formatMoney(aggregate.cost),
  netSavings: formatMoney(aggregate.netSavings),
  offsetRatio: formatRatioOrNull(aggregate.offsetRatio),
  costPerEventAvoided: formatMoneyOrNull(aggregate.costPerEventAvoided),
  paybackYears: formatRatioOrNull(aggregate.paybackYears),
  byPayer: Object.fromEntries(
    PAYERS.flatMap((payer) => {
      const amount = aggregate.byPayer[payer];
      return amount === undefined ? [] : [[payer, formatMoney(amount)]];
    }),
  ),
  cashable: formatMoney(aggregate.cashable),
  nonCashable: formatMoney(aggregate.nonCashable),
});

/** Rounds an outcome's figures; unit cost with 6 decimals (compared like money). */
export const formatOutcome = (result: Pick<OutcomePeriodResult, keyof OutcomeOutput>): OutcomeOutput => ({
  eventsGross: formatRatio(result.eventsGross),
  eventsNet: formatRatio(result.eventsNet),
  unitsAvoided: formatRatio(result.unitsAvoided),
  unitCost: formatRatio(result.unitCost),
  valueGross: formatMoney(result.valueGross),
  valueYear0: formatMoney(result.valueYear0),
  presentValue: formatMoney(result.presentValue),
});

export const formatReallocation = (result: ReallocationResult): ReallocationOutput => ({
  fteDays: formatRatio(result.fteDays),
  fteYears: formatRatio(result.fteYears),
  agentsRedeployed: String(result.agentsRedeployed),
  mobilisationRate: formatRatioOrNull(result.mobilisationRate),
  leadTimeMedianDays: formatExactOrNull(result.leadTimeMedianDays),
  leadTimeP90Days: formatExactOrNull(result.leadTimeP90Days),
  needCoverage: mapValues(result.needCoverage, formatRatioOrNull),
  criticalCoverage: formatRatioOrNull(result.criticalCoverage),
  volunteerShare: formatRatioOrNull(result.volunteerShare),
  value: formatMoney(result.value),
  fongibiliteVolume: formatMoney(result.fongibiliteVolume),
  fongibiliteRate: formatRatioOrNull(result.fongibiliteRate),
  fongibiliteOverLimit: result.fongibiliteOverLimit,
  flags: result.flags.map((flag) => ({ ...flag })),
  netFlowByFunction: mapValues(result.netFlowByFunction, (value: Decimal) => formatMoney(value)),
  inKindValue: formatMoney(result.inKindValue),
});
