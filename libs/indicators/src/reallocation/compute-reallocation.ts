import { d, Decimal } from '../money/decimal';
import { sumDecimals } from '../money/arithmetic';
import { Conventions, ReallocationInput } from '../scenario/scenario.types';
import { fongibiliteFlags, fongibiliteOverLimit, fongibiliteRate, fongibiliteVolume, TransferFlag } from './fongibilite';
import { fteDays, fteYears } from './fte';
import { inKindValue } from './in-kind-value';
import { leadTimeDays, median, nearestRankPercentile } from './lead-time';
import { distinctAgents, mobilisationRate } from './mobilisation';
import { criticalCoverage, needCoverage } from './need-coverage';
import { netFlowByFunction } from './net-flow';
import { redeploymentValue } from './redeployment-value';
import { volunteerShare } from './volunteer-share';

const P90 = d('0.9');

/** Every reallocation indicator, full precision (null where a ratio has no denominator or an input is absent). */
export interface ReallocationResult {
  readonly fteDays: Decimal;
  readonly fteYears: Decimal;
  readonly agentsRedeployed: number;
  readonly mobilisationRate: Decimal | null;
  readonly leadTimeMedianDays: Decimal | null;
  readonly leadTimeP90Days: Decimal | null;
  readonly needCoverage: Readonly<Record<string, Decimal | null>>;
  readonly criticalCoverage: Decimal | null;
  readonly volunteerShare: Decimal | null;
  readonly value: Decimal;
  readonly fongibiliteVolume: Decimal;
  readonly fongibiliteRate: Decimal | null;
  readonly fongibiliteOverLimit: boolean | null;
  readonly flags: readonly TransferFlag[];
  readonly netFlowByFunction: Readonly<Record<string, Decimal>>;
  readonly inKindValue: Decimal;
}

/** The reallocation block of the output (vectors README § reallocation; conventions 2: SAME_CHAPTER, README 2.7). */
export const computeReallocation = (input: ReallocationInput, { conventions = 1 }: { conventions?: Conventions } = {}): ReallocationResult => {
  const items = input.redeployments.map((redeployment) => ({ ...redeployment, fteDays: fteDays(redeployment) }));
  const totalFteDays = sumDecimals(items.map((item) => item.fteDays));
  const leadTimes = input.redeployments.map(leadTimeDays);
  const supplied = (need: string): Decimal => sumDecimals(items.filter((item) => item.need === need).map((item) => item.fteDays));
  const needs = input.needs.map((need) => ({ ...need, supplied: supplied(need.code), requested: need.fteDaysRequested }));
  const agents = distinctAgents(input.redeployments);
  const volume = fongibiliteVolume(input.transfers, conventions);
  const rate = input.budget === null ? null : fongibiliteRate({ volume, realExpenditure: input.budget.realExpenditure });
  return {
    fteDays: totalFteDays,
    fteYears: fteYears({ fteDays: totalFteDays, workingDaysPerFte: input.workingDaysPerFte }),
    agentsRedeployed: agents,
    mobilisationRate: mobilisationRate({ agents, headcount: input.headcount }),
    leadTimeMedianDays: median(leadTimes),
    leadTimeP90Days: nearestRankPercentile({ values: leadTimes, percentile: P90 }),
    needCoverage: Object.fromEntries(needs.map((need) => [need.code, needCoverage(need)])),
    criticalCoverage: criticalCoverage(needs.filter((need) => need.critical)),
    volunteerShare: volunteerShare({
      volunteerFteDays: sumDecimals(items.filter((item) => item.volunteer).map((item) => item.fteDays)),
      fteDays: totalFteDays,
    }),
    value: redeploymentValue(items),
    fongibiliteVolume: volume,
    fongibiliteRate: rate,
    fongibiliteOverLimit: rate === null || input.budget === null ? null : fongibiliteOverLimit({ rate, limit: input.budget.fongibiliteLimit }),
    flags: fongibiliteFlags(input.transfers, conventions),
    netFlowByFunction: netFlowByFunction(input.transfers),
    inKindValue: inKindValue(input.inKindLoans),
  };
};
