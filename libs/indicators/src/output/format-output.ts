import { formatExactOrNull, formatMoney, formatMoneyOrNull, formatRatio, formatRatioOrNull } from '../money/round';
import { Decimal } from '../money/decimal';
import { ReallocationResult } from '../reallocation/compute-reallocation';
import { ALL_PAYERS, Payer } from '../scenario/scenario.types';
import { SavingsAggregateConventions2 } from '../savings/aggregate-conventions-2';
import { OutcomePeriodResult, SavingsAggregate } from '../savings/savings.types';
import { SensitivityEntry } from '../savings/sensitivity';
import { AggregateOutput, AggregateOutputConventions2, OutcomeOutput, ReallocationOutput, SensitivityOutput } from './output.types';

const mapValues = <T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));

/** A payer-keyed map in the output's payer order (ALL_PAYERS), each value mapped. */
const byPayerOrder = <T, U>(record: Readonly<Partial<Record<Payer, T>>>, map: (value: T) => U): Partial<Record<Payer, U>> =>
  Object.fromEntries(
    ALL_PAYERS.flatMap((payer) => {
      const value = record[payer];
      return value === undefined ? [] : [[payer, map(value)]];
    }),
  );

/** Rounds an aggregate for output: money 2 decimals, events / ratios / years 6 decimals, null kept. Payers in a fixed order. */
export const formatAggregate = (aggregate: SavingsAggregate): AggregateOutput => ({
  eventsNet: formatRatio(aggregate.eventsNet),
  grossSavings: formatMoney(aggregate.grossSavings),
  cost: formatMoney(aggregate.cost),
  netSavings: formatMoney(aggregate.netSavings),
  offsetRatio: formatRatioOrNull(aggregate.offsetRatio),
  costPerEventAvoided: formatMoneyOrNull(aggregate.costPerEventAvoided),
  paybackYears: formatRatioOrNull(aggregate.paybackYears),
  byPayer: byPayerOrder(aggregate.byPayer, formatMoney),
  cashable: formatMoney(aggregate.cashable),
  nonCashable: formatMoney(aggregate.nonCashable),
});

/** Rounds a conventions-2 aggregate: as `formatAggregate`, eventsNet null when unlike events are summed, plus the payer and public keys. */
export const formatAggregateConventions2 = (aggregate: SavingsAggregateConventions2): AggregateOutputConventions2 => ({
  ...formatAggregate(aggregate),
  eventsNet: formatRatioOrNull(aggregate.comparableEventsNet),
  eventsByOutcome: mapValues(aggregate.eventsByOutcome, formatRatio),
  costByPayer: byPayerOrder(aggregate.costByPayer, formatMoney),
  ledger: byPayerOrder(aggregate.ledger, (line) => ({ avoided: formatMoney(line.avoided), cost: formatMoney(line.cost), net: formatMoney(line.net) })),
  publicSavings: formatMoney(aggregate.publicSavings),
  publicCost: formatMoney(aggregate.publicCost),
  publicNetSavings: formatMoney(aggregate.publicNetSavings),
  publicOffsetRatio: formatRatioOrNull(aggregate.publicOffsetRatio),
});

/** Rounds a sensitivity entry (money, 2 decimals); the order is the entries' own (sorted on unrounded swings). */
export const formatSensitivity = (entry: SensitivityEntry): SensitivityOutput => ({
  parameter: entry.parameter,
  low: formatMoney(entry.low),
  high: formatMoney(entry.high),
  swing: formatMoney(entry.swing),
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
