import { Payer } from '../scenario/scenario.types';
import { TransferFlag } from '../reallocation/fongibilite';

/** Output of `computeScenario` (vectors README § Output): decimal strings, money to 2 decimals, others to 6. */
export interface AggregateOutput {
  readonly eventsNet: string;
  readonly grossSavings: string;
  readonly cost: string;
  readonly netSavings: string;
  readonly offsetRatio: string | null;
  readonly costPerEventAvoided: string | null;
  readonly paybackYears: string | null;
  readonly byPayer: Readonly<Partial<Record<Payer, string>>>;
  readonly cashable: string;
  readonly nonCashable: string;
}

/** A payer's line of the conventions-2 ledger (money, 2 decimals). */
export interface LedgerLineOutput {
  readonly avoided: string;
  readonly cost: string;
  readonly net: string;
}

/**
 * A conventions-2 AGGREGATE (vectors README 2.5, 2.6): the conventions-1 keys (eventsNet null when more than one kind of
 * event is summed) plus eventsByOutcome, costByPayer, ledger and the public figures.
 */
export interface AggregateOutputConventions2 extends Omit<AggregateOutput, 'eventsNet'> {
  readonly eventsNet: string | null;
  readonly eventsByOutcome: Readonly<Record<string, string>>;
  readonly costByPayer: Readonly<Partial<Record<Payer, string>>>;
  readonly ledger: Readonly<Partial<Record<Payer, LedgerLineOutput>>>;
  readonly publicSavings: string;
  readonly publicCost: string;
  readonly publicNetSavings: string;
  readonly publicOffsetRatio: string | null;
}

/** One entry of the conventions-2 `sensitivity` list (README 2.8): the totals' netSavings with one triple at low / high. */
export interface SensitivityOutput {
  readonly parameter: string;
  readonly low: string;
  readonly high: string;
  readonly swing: string;
}

export interface OutcomeOutput {
  readonly eventsGross: string;
  readonly eventsNet: string;
  readonly unitsAvoided: string;
  readonly unitCost: string;
  readonly valueGross: string;
  readonly valueYear0: string;
  readonly presentValue: string;
}

export interface ReallocationOutput {
  readonly fteDays: string;
  readonly fteYears: string;
  readonly agentsRedeployed: string;
  readonly mobilisationRate: string | null;
  readonly leadTimeMedianDays: string | null;
  readonly leadTimeP90Days: string | null;
  readonly needCoverage: Readonly<Record<string, string | null>>;
  readonly criticalCoverage: string | null;
  readonly volunteerShare: string | null;
  readonly value: string;
  readonly fongibiliteVolume: string;
  readonly fongibiliteRate: string | null;
  readonly fongibiliteOverLimit: boolean | null;
  readonly flags: readonly TransferFlag[];
  readonly netFlowByFunction: Readonly<Record<string, string>>;
  readonly inKindValue: string;
}

/** The output shape shared by both conventions, over the type of their AGGREGATE. */
export interface ScenarioOutputOf<A> {
  readonly totals: A;
  readonly services: Readonly<Record<string, A>>;
  readonly periods: Readonly<Record<string, A>>;
  /** Keyed `<serviceCode>/<outcomeCode>`, summed over periods. */
  readonly outcomes: Readonly<Record<string, OutcomeOutput>>;
  /** Present when any parameter is a triple. */
  readonly ranges?: { readonly low: A; readonly high: A };
  /** Present when the scenario has a `reallocation` block. */
  readonly reallocation?: ReallocationOutput;
}

/** Output of a conventions-1 scenario (unchanged). */
export type ScenarioOutputConventions1 = ScenarioOutputOf<AggregateOutput>;

/** Output of a conventions-2 scenario: conventions-2 aggregates and, when any triple is present, `sensitivity`. */
export interface ScenarioOutputConventions2 extends ScenarioOutputOf<AggregateOutputConventions2> {
  /** Sorted by unrounded swing descending, then parameter in code-point order. */
  readonly sensitivity?: readonly SensitivityOutput[];
}

export type ScenarioOutput = ScenarioOutputConventions1 | ScenarioOutputConventions2;

/** True for the output of a conventions-2 scenario (its aggregates carry `eventsByOutcome`). */
export const isConventions2Output = (output: ScenarioOutput): output is ScenarioOutputConventions2 => 'eventsByOutcome' in output.totals;
