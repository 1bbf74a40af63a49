/**
 * @levier/indicators — the pure calculation engine of Levier (shared/vectors/README.md, docs/methodology.md).
 * Decimals only, no framework, no I/O, no clock, no randomness. This file is the package's only barrel.
 */

// Decimals and rounding
export { d, Decimal, isDecimalLiteral, ONE, ZERO } from './money/decimal';
export { formatExact, formatMoney, formatRatio, roundHalfUp } from './money/round';
export { addKeyed, divideOrNull, meanOrNull, sumDecimals } from './money/arithmetic';
export type { FrenchNumberOptions } from './money/french-number';
export { NARROW_NBSP, NBSP, writeFrenchNumber } from './money/french-number';
export { assertNever } from './assert-never';

// Periods
export type { Granularity, Period, PeriodParseResult } from './periods/period';
export { formatPeriod, granularityOf, isPeriodCode, parsePeriod } from './periods/period';
export {
  comparePeriods,
  containingQuarter,
  containingYear,
  firstMonthOf,
  listMonths,
  monthsInGranularity,
  monthsInPeriod,
  monthsOf,
  periodContains,
} from './periods/calendar';

// Scenario input
export * from './scenario/scenario.types';
export { parseScenario, DEFAULT_DISCOUNT_RATE } from './scenario/parse-scenario';
export { isTriple, plain, resolveParam } from './scenario/param';
export type { CaseOf } from './scenario/parameters';
export { everyParameterAt, onlyParameterAt, outcomeParameterName, outcomeParams, tripleParameters, unitCostParameterName } from './scenario/parameters';
export { DEFAULT_WORKING_DAYS_PER_FTE, LEGAL_FONGIBILITE_CAP } from './scenario/parse-reallocation';

// Savings
export type { DiscountParameters, OutcomePeriodFigures, OutcomePeriodResult, ResolvedOutcome, SavingsAggregate, SavingsCell } from './savings/savings.types';
export { exposurePersonYears } from './savings/exposure';
export type { EventsGrossInput } from './savings/events';
export { eventsGross, eventsNet, unitsAvoided } from './savings/events';
export type { ResolvedUnitCost, UnitCostComponent } from './savings/unit-cost';
export { componentWeights, indexedAmount, mixUnitCost } from './savings/unit-cost';
export { applyOptimismBias, DEFAULT_OPTIMISM_BIAS, optimismBiasFor } from './savings/optimism-bias';
export { valueStream } from './savings/value-stream';
export { costPresentValue, presentValue, presentValueOfStream } from './savings/present-value';
export { addStreams, paybackYears } from './savings/payback';
export { splitByPayer } from './savings/payer-split';
export { splitCashable } from './savings/cashable-split';
export { computeOutcomePeriod } from './savings/outcome-period';
export { computeServicePeriod } from './savings/service-period';
export { addCells, aggregate, EMPTY_CELL, outcomeCell, sumCells } from './savings/aggregate';
export { resolveOutcome, resolveUnitCost } from './savings/resolve-outcome';

// Savings, conventions 2 (vectors README § Conventions 2)
export { harmAwareBiasFactor } from './savings/harm-bias-factor';
export { netUnitCost } from './savings/net-unit-cost';
export { presentValueFactor } from './savings/present-value-factor';
export type { SignedComponent } from './savings/signed-parts';
export { signedComponents, splitSignedParts } from './savings/signed-parts';
export { computeOutcomePeriodConventions2 } from './savings/outcome-period-conventions-2';
export { constantEurosSpend, spendConversionFactor } from './savings/spend-in-constant-euros';
export { costByPayer, DEFAULT_FUNDING } from './savings/cost-by-payer';
export { computeServicePeriodConventions2 } from './savings/service-period-conventions-2';
export type { EventsByOutcome } from './savings/events-by-outcome';
export { addEventsByOutcome, comparableEventsNet } from './savings/events-by-outcome';
export type { LedgerLine } from './savings/payer-ledger';
export { payerLedger } from './savings/payer-ledger';
export type { PublicFigures } from './savings/public-figures';
export { publicFigures } from './savings/public-figures';
export type { SavingsAggregateConventions2 } from './savings/aggregate-conventions-2';
export { aggregateConventions2 } from './savings/aggregate-conventions-2';
export type { SensitivityEntry } from './savings/sensitivity';
export { compareCodePoints, sensitivityEntry, sortSensitivity } from './savings/sensitivity';

// Funding plans (who pays a service: shares of 1)
export type { FundingPayer, FundingShares, FundingSharesProblem, FundingSharesReading } from './funding/funding-shares';
export {
  FUNDING_PAYERS,
  isFundingPayer,
  isPlainShares,
  percentToShare,
  rankedFundingShares,
  readFundingShares,
  shareToPercent,
  totalOfPercents,
} from './funding/funding-shares';

// Reallocation
export type { ReallocationResult } from './reallocation/compute-reallocation';
export { computeReallocation } from './reallocation/compute-reallocation';
export { fteDays, fteYears, totalFteDays } from './reallocation/fte';
export { distinctAgents, mobilisationRate } from './reallocation/mobilisation';
export { leadTimeDays, median, nearestRankPercentile } from './reallocation/lead-time';
export { criticalCoverage, needCoverage } from './reallocation/need-coverage';
export { volunteerShare } from './reallocation/volunteer-share';
export { redeploymentValue } from './reallocation/redeployment-value';
export type { TransferFlag, TransferFlagReason } from './reallocation/fongibilite';
export {
  fongibiliteExclusion,
  fongibiliteFlags,
  fongibiliteOverLimit,
  fongibiliteRate,
  fongibiliteVolume,
  PERSONNEL_CHAPTER,
} from './reallocation/fongibilite';
export { netFlowByFunction } from './reallocation/net-flow';
export { inKindValue } from './reallocation/in-kind-value';

// Custom indicators (formula language)
export { FormulaError, isFormulaError } from './formulas/formula-error';
export type { AggregateFunction, ArithmeticOperator, ComparisonOperator, FormulaCondition, FormulaNode, MetricLookup } from './formulas/formula.types';
export type { Token } from './formulas/tokenizer';
export { MAX_FORMULA_LENGTH, tokenize } from './formulas/tokenizer';
export type { ParseFormulaResult } from './formulas/parser';
export { MAX_FORMULA_DEPTH, parseFormula, tryParseFormula } from './formulas/parser';
export { evaluateFormula } from './formulas/evaluate';
export type { MetricReference } from './formulas/dependencies';
export { dependencies, references } from './formulas/dependencies';
export type {
  AggregatedCustomIndicator,
  CompileCustomIndicatorResult,
  CustomIndicator,
  CustomIndicatorDefinition,
  CustomIndicatorError,
  CustomIndicatorPart,
  CustomIndicatorValue,
} from './formulas/custom-indicator';
export { aggregateCustomIndicator, compileCustomIndicator, evaluateCustomIndicator } from './formulas/custom-indicator';

// Whole scenario and output
export type { ServicePeriodRow } from './compute-savings';
export { computeSavings } from './compute-savings';
export { computeScenario, scenarioHasRanges } from './compute-scenario';
export { computeSensitivity } from './compute-sensitivity';
export type {
  AggregateOutput,
  AggregateOutputConventions2,
  LedgerLineOutput,
  OutcomeOutput,
  ReallocationOutput,
  ScenarioOutput,
  ScenarioOutputConventions1,
  ScenarioOutputConventions2,
  ScenarioOutputOf,
  SensitivityOutput,
} from './output/output.types';
export { isConventions2Output } from './output/output.types';
export type { ExplainableIndicator, PublicScalar, SummaryScalar } from './output/indicator-keys';
export { EXPLAINABLE, PUBLIC_SCALARS, SUMMARY_SCALARS } from './output/indicator-keys';
export { formatAggregate, formatAggregateConventions2, formatOutcome, formatReallocation, formatSensitivity } from './output/format-output';
export type { Mismatch, Tolerance } from './output/compare-expected';
export { compareWithExpected, toleranceFor } from './output/compare-expected';

// Lever simulator (issue 18): levers applied to a scope's scenario, baseline vs simulated
export type { Lever, LeverKind, ParseLeversResult } from './simulation/levers';
export { LEVER_KINDS, leverAmount, leverChapter, leverName, leverToJson, MAX_LEVERS, parseLevers } from './simulation/levers';
export type { AppliedMove, LeverFactor, LeverOptions, LeverScenario } from './simulation/apply-levers';
export { applyLevers, applyLeversWithMoves, LeverError } from './simulation/apply-levers';
export type { Aggregate, SimulationAggregate, SimulationRanges, SimulationResult } from './simulation/simulate';
export { deltaAggregate, presentCells, simulate, simulationAggregate } from './simulation/simulate';
export type { SimulationCells } from './simulation/simulate-cells';
export { scaleCell, simulateCells } from './simulation/simulate-cells';
