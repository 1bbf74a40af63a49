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

export interface ScenarioOutput {
  readonly totals: AggregateOutput;
  readonly services: Readonly<Record<string, AggregateOutput>>;
  readonly periods: Readonly<Record<string, AggregateOutput>>;
  /** Keyed `<serviceCode>/<outcomeCode>`, summed over periods. */
  readonly outcomes: Readonly<Record<string, OutcomeOutput>>;
  /** Present when any outcome parameter is a triple. */
  readonly ranges?: { readonly low: AggregateOutput; readonly high: AggregateOutput };
  /** Present when the scenario has a `reallocation` block. */
  readonly reallocation?: ReallocationOutput;
}
