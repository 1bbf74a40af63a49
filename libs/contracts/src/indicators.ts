import type { Integer } from './integer';
/**
 * The responses of `/api/indicators/*` (docs/product-rules.md#interfaces), declared once: the API's controllers return
 * these types (the compiler checks what they build against them) and the admin and the reports read them. Every number is
 * a decimal string, or null when it cannot be computed.
 */
export type DecimalString = string;
export type MaybeDecimal = DecimalString | null;

export interface IndicatorValues {
  eventsNet: MaybeDecimal;
  grossSavings: MaybeDecimal;
  cost: MaybeDecimal;
  netSavings: MaybeDecimal;
  offsetRatio: MaybeDecimal;
  costPerEventAvoided: MaybeDecimal;
  paybackYears: MaybeDecimal;
  byPayer: Record<string, MaybeDecimal>;
  cashable: MaybeDecimal;
  nonCashable: MaybeDecimal;
}

/** Calculation rules (vectors README § Conventions 2): 1 as published before, 2 with public figures and funding. */
export type Conventions = 1 | 2;

/** A published methodology version, as the indicator answers name it. */
export interface MethodologyVersionRef {
  id: string;
  version: Integer;
  label: string;
  effectiveFrom: string;
  conventions: Conventions;
}

/** A payer's line of the conventions-2 ledger: avoided costs, costs borne (funding plans), net (avoided − cost). */
export interface LedgerLine {
  avoided: MaybeDecimal;
  cost: MaybeDecimal;
  net: MaybeDecimal;
}

/**
 * Conventions 2 only (absent under conventions 1): the same indicators without the households' (`USAGER`) share,
 * the cost by payer and the ledger, and events per kind of outcome (`eventsNet` is then null when kinds differ).
 */
export interface Conventions2Values {
  publicSavings?: MaybeDecimal;
  publicCost?: MaybeDecimal;
  publicNetSavings?: MaybeDecimal;
  publicOffsetRatio?: MaybeDecimal;
  costByPayer?: Record<string, MaybeDecimal>;
  ledger?: Record<string, LedgerLine>;
  /** Net events avoided per outcome code (6 decimals from the API; shown as counts). */
  eventsByOutcome?: Record<string, MaybeDecimal>;
}

/** One line of the conventions-2 sensitivity list: the net medico-social savings with one parameter at its low / high value. */
/** A range assumption's own values (the assumption, not the result), as decimal text. */
export interface ParameterValues {
  low: DecimalString;
  central: DecimalString;
  high: DecimalString;
}

export interface SensitivityItem {
  parameter: string;
  label?: string | null;
  low: MaybeDecimal;
  high: MaybeDecimal;
  swing: MaybeDecimal;
  /** The assumption's low / central / high as the scenario holds it (null when it is not a range there). */
  values?: ParameterValues | null;
  /** The record where the assumption is edited. */
  source?: { resource: 'unit-costs' | 'outcome-assumptions'; id: string } | null;
  /** What a local evaluation would narrow, in a sentence. */
  narrowing?: string;
}

export type Basis = 'current' | 'reported';

export interface IndicatorSummary extends IndicatorValues, Conventions2Values {
  ranges?: { low?: Partial<IndicatorValues & Conventions2Values> | null; high?: Partial<IndicatorValues & Conventions2Values> | null } | null;
  /** 1 or 2; null when the range mixes periods computed under both (then only the conventions-1 keys are given). */
  conventions?: Conventions | null;
  /** Outcome code → its label, for `eventsByOutcome`. */
  outcomeLabels?: Record<string, string>;
  sensitivity?: SensitivityItem[] | null;
  /** An object from the API; a plain string in older builds. */
  methodologyVersion?: MethodologyVersionRef | string | null;
  /** How many method versions the figures of the range were computed with (more than one: the range spans a change of method). */
  methodologyVersions?: Integer;
  computedAt?: string | null;
  dataAsOf?: string | null;
  basis?: Basis;
  scope?: { orgUnit: string | null; orgUnitName?: string | null; from: string | null; to: string | null; service: string | null };
  masked?: boolean;
}

export type SeriesGroupBy = 'period' | 'service' | 'payer';

/** `low` / `high`: either the gross-savings bound itself, or the same indicator object for that bound. */
export type SeriesBound = MaybeDecimal | Partial<Pick<IndicatorValues, 'grossSavings' | 'cost' | 'netSavings' | 'offsetRatio'>>;

export interface SeriesItem extends Conventions2Values {
  key: string;
  /** Conventions of the item's rows (null when they mix). */
  conventions?: Conventions | null;
  cashable?: MaybeDecimal;
  nonCashable?: MaybeDecimal;
  paybackYears?: MaybeDecimal;
  label?: string;
  /** A service's stated reason when it stays negative (services series). */
  note?: string | null;
  eventsNet?: MaybeDecimal;
  costPerEventAvoided?: MaybeDecimal;
  byPayer?: Record<string, MaybeDecimal>;
  grossSavings: MaybeDecimal;
  cost: MaybeDecimal;
  netSavings: MaybeDecimal;
  offsetRatio: MaybeDecimal;
  low?: SeriesBound;
  high?: SeriesBound;
}

/** What a period of a by-period series rests on, as the API says (never guessed by the browser). */
export type SeriesCoverage = 'data' | 'no_data' | 'unapproved';

export interface SeriesPeriod {
  key: string;
  coverage: SeriesCoverage;
  status: 'approved' | 'submitted' | 'draft' | 'none';
  complete: boolean;
  months: Integer;
  monthsWithData: Integer;
}

export interface IndicatorSeries {
  groupBy: SeriesGroupBy;
  /** By period: the bucket of each item (the API's default when the query names none). */
  granularity?: 'month' | 'quarter' | 'year';
  /** Statistical secrecy (viewer account, small numbers): every value null. */
  masked?: boolean;
  items: SeriesItem[];
  /** By period over a range: every period of the range, with or without values. */
  periods?: SeriesPeriod[];
}

/** `groupBy=payer` items: avoided costs (`amount`) and their range; under conventions 2 also the cost borne and the net. */
export interface PayerItem {
  key: string;
  amount: MaybeDecimal;
  low?: MaybeDecimal;
  high?: MaybeDecimal;
  cost?: MaybeDecimal;
  net?: MaybeDecimal;
}

/** `GET /api/indicators/series?groupBy=payer`: one item per payer. */
export interface PayerSeries {
  groupBy: 'payer';
  conventions: Conventions | null;
  items: PayerItem[];
  masked: boolean;
}

/** The indicator keys: one list, in the engine (libs/indicators output/indicator-keys.ts). */
export { EXPLAINABLE, PUBLIC_SCALARS, SUMMARY_SCALARS } from '@levier/indicators';
export type { ExplainableIndicator, PublicScalar, SummaryScalar } from '@levier/indicators';

/** The parameters of a methodology version (a type, not an interface, so it reads as a plain record too). */
export type MethodologyParameters = {
  baseYear: Integer;
  discountRate: string;
  discountConvention: 0 | 1;
  optimismBias?: Record<string, string>;
  /** The engine's calculation rules; absent = 1. */
  conventions?: Conventions;
};

/** A headline indicator's value: a decimal, or per payer for `byPayer` and `ledger`. */
export type ExplainedValue = MaybeDecimal | Record<string, MaybeDecimal> | Record<string, LedgerLine>;

export interface Explanation {
  indicator: string;
  formula: string;
  scope?: Record<string, string | null>;
  /** The method in force, absent keys when none is published yet. */
  methodology?: {
    id?: string;
    version?: Integer | string;
    label?: string;
    effectiveFrom?: string;
    conventions?: Conventions;
    parameters?: MethodologyParameters;
  } | null;
  /** The calculation rules of the method in force (1 when none is published). */
  conventions?: Conventions;
  inputs: Array<{ service: string; period: string; metric: string; value: MaybeDecimal }>;
  assumptions: Array<{
    service: string;
    code: string;
    label: string;
    parameters?: Record<string, unknown>;
    /** The unit cost(s) a substitution outcome replaces by, as the assumption names them; null when none. */
    substitutionCost?: unknown;
    justification?: string | null;
    evidence?: string | null;
  }>;
  unitCosts: Array<{
    code: string;
    label: string;
    unit?: string | null;
    amount: MaybeDecimal;
    /** Where public sources differ: the low and high amounts around `amount` (both or neither). */
    amountLow?: MaybeDecimal;
    amountHigh?: MaybeDecimal;
    priceYear?: Integer | null;
    payers?: Record<string, MaybeDecimal> | null;
    cashableShare?: MaybeDecimal;
    source?: { title?: string | null; publisher?: string | null; url?: string | null } | null;
  }>;
  /** Conventions 2: who pays each service's spend, per year of the scope (payer code → share as decimal text). */
  funding?: Array<{ service: string; year: Integer; shares: Record<string, DecimalString> }>;
  priceIndex?: unknown;
  /** The indicator's value computed on today's data and as published (an object for `byPayer` and `ledger`). */
  values?: { current: ExplainedValue; reported: ExplainedValue; differs: boolean } | null;
  /** Statistical secrecy: no figure and no value, the method and its sources stay readable. */
  masked?: boolean;
  computedAt?: string | null;
  dataAsOf?: string | null;
}

/** One Sankey graph of `GET /api/indicators/reallocation`: links index the nodes; values are decimal strings. */
export interface SankeyGraph {
  nodes: Array<{ name: string }>;
  links: Array<{ source: Integer | string; target: Integer | string; value: number | string }>;
}

/** `GET /api/indicators/reallocation?from=&to=` (organisation-wide; periods YYYY or YYYY-MM). */
export interface Reallocation {
  from?: string | null;
  to?: string | null;
  source?: 'read-model' | 'live';
  computedAt?: string | null;
  fteDays?: MaybeDecimal;
  fteYears?: MaybeDecimal;
  agentsRedeployed?: MaybeDecimal;
  mobilisationRate?: MaybeDecimal;
  leadTimeMedianDays?: MaybeDecimal;
  leadTimeP90Days?: MaybeDecimal;
  /** Coverage per need code (share in [0, 1]). */
  needCoverage?: Record<string, MaybeDecimal> | null;
  criticalCoverage?: MaybeDecimal;
  volunteerShare?: MaybeDecimal;
  value?: MaybeDecimal;
  fongibiliteVolume?: MaybeDecimal;
  fongibiliteRate?: MaybeDecimal;
  fongibiliteOverLimit?: boolean | null;
  /** The voted limit the rate is compared with (absent from rows computed before it was exposed). */
  fongibiliteLimit?: MaybeDecimal;
  flags?: ReadonlyArray<{ transfer?: string; reason?: string }>;
  netFlowByFunction?: Record<string, MaybeDecimal>;
  inKindValue?: MaybeDecimal;
  /** Budget moved between M57 functions (euros) and staff lent between services or to partners (FTE-days). */
  flows?: { budget?: SankeyGraph | null; staff?: SankeyGraph | null } | null;
  counts?: { needs: Integer; redeployments: Integer; transfers: Integer; inKindLoans: Integer };
  realExpenditure?: MaybeDecimal;
  /** Base of the fongibilité rate: the voted budget, the services' spend (proxy), or both over several years. */
  realExpenditureSource?: 'budget' | 'spend-proxy' | 'mixed' | null;
  /** Years whose base is the services' spend, for want of a voted budget. */
  realExpenditureProxyYears?: string[];
  realExpenditureNote?: string | null;
  /** M57 function code → its label in the functional nomenclature, for the budget flows' « Fonction 423 » nodes. */
  functionLabels?: Record<string, string | null> | null;
  /** The stored periods of the range (months when `from` is a month, years otherwise), for charts. */
  series?: Array<{
    period: string;
    fteDays: MaybeDecimal;
    value: MaybeDecimal;
    criticalCoverage: MaybeDecimal;
    fongibiliteVolume: MaybeDecimal;
    inKindValue: MaybeDecimal;
  }>;
}

export type AlertStatus = 'below' | 'above' | 'ok' | 'missing';

/** An item of `GET /api/indicators/alerts?orgUnit=&year=`: a target of the year and where the value stands. */
export interface IndicatorAlert {
  targetId: string;
  indicator: string;
  /** The indicator in words (a system indicator's French label, a custom indicator's label): what a screen shows. */
  indicatorLabel: string;
  kind: 'system' | 'custom';
  orgUnit: string;
  /** The unit's name: what a screen shows. */
  orgUnitName: string;
  year: Integer;
  value: MaybeDecimal;
  target: MaybeDecimal;
  alertBelow: MaybeDecimal;
  alertAbove: MaybeDecimal;
  status: AlertStatus;
  /** Statistical secrecy (fewer than 5 beneficiaries, viewer account): value null, status `missing`, no threshold compared. */
  masked?: boolean;
  message: string;
}

/** `GET /api/indicators/alerts?orgUnit=&year=`: the targets of the year in the caller's units, and how many are alerts. */
export interface IndicatorAlerts {
  year: Integer;
  orgUnit: string | null;
  alerts: Integer;
  items: IndicatorAlert[];
}

/**
 * `POST /api/custom-indicators/preview`: a custom indicator's formula evaluated on the caller's figures over a scope,
 * before it is saved. A formula error is a 422 with `[{ field, position, message }]`, not this answer.
 */
export interface PreviewResponse {
  scope: { orgUnit: string; from: string | null; to: string | null };
  dependencies: string[];
  numerator: MaybeDecimal;
  denominator: MaybeDecimal;
  value: MaybeDecimal;
  cellsUsed: Integer;
  cellsMissing: Integer;
  /** Numerator, denominator and value withheld (null): statistical secrecy (fewer than 5 beneficiaries, viewer account). */
  masked: boolean;
}
