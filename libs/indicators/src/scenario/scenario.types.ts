import { Decimal } from '../money/decimal';

/** Typed form of a `levier-scenario/1` document (shared/vectors/README.md), decimals as `Decimal`. */
export const SCENARIO_FORMAT = 'levier-scenario/1';

/** The payer codes of conventions 1, in output order. Unchanged by conventions 2 (the read model stores byPayer in this order). */
export const PAYERS = ['ASSURANCE_MALADIE', 'DEPARTEMENT', 'COMMUNE_CCAS', 'ETAT', 'CAF', 'USAGER', 'AUTRE'] as const;
/** The payer codes that only conventions 2 knows (unknown codes, an error, under conventions 1). */
export const CONVENTIONS_2_PAYERS = ['CAISSES_RETRAITE', 'ARS', 'BAILLEUR_SOCIAL'] as const;
/** Every payer code, in the order of output objects keyed by payer: the conventions-1 codes, then the conventions-2 ones. */
export const ALL_PAYERS = [...PAYERS, ...CONVENTIONS_2_PAYERS] as const;
export type Payer = (typeof ALL_PAYERS)[number];
/** Households: what they would have paid is never public savings, what they pay of a service is never public cost (conventions 2). */
export const HOUSEHOLD_PAYER: Payer = 'USAGER';

/** The payer codes a scenario of these conventions may use. */
export const payersOf = (conventions: Conventions): readonly Payer[] => (conventions === 1 ? PAYERS : ALL_PAYERS);

/**
 * Version of the calculation rules (`methodology.conventions`, vectors README § Conventions 2). 1 (default) keeps the
 * rules under which figures were published, reproducible to the cent; 2 adds substitution costs, funding, harms, etc.
 */
export const CONVENTIONS = [1, 2] as const;
export type Conventions = (typeof CONVENTIONS)[number];

/** Low-savings / central / high-savings scenario of the ranges. */
export type RangeCase = 'low' | 'central' | 'high';

/** A decimal outcome parameter: a plain value, or a triple for the ranges. */
export type Param =
  { readonly kind: 'plain'; readonly value: Decimal } | { readonly kind: 'triple'; readonly low: Decimal; readonly central: Decimal; readonly high: Decimal };

/** `0` = first year undiscounted (Green Book / GMCA), `1` = first year discounted once (SROI guide). */
export type DiscountConvention = 0 | 1;

export interface Methodology {
  /** Calculation rules: 1 (default) or 2. */
  readonly conventions: Conventions;
  readonly baseYear: number;
  readonly discountRate: Decimal;
  readonly discountConvention: DiscountConvention;
  /** Reduction of benefits by evidence grade. */
  readonly optimismBias: Readonly<Record<number, Decimal>>;
  /** Annual average index values by year. */
  readonly priceIndex: Readonly<Record<number, Decimal>>;
}

export interface UnitCost {
  readonly code: string;
  readonly label: string;
  readonly unit: string;
  /** The amount used by the central case (the `central` of a triple). */
  readonly amount: Decimal;
  /** The amount as given: plain, or (conventions 2 only) a triple moved by ranges and sensitivity (`unitCost/<code>/amount`). */
  readonly amountParam: Param;
  readonly priceYear: number;
  readonly payers: Readonly<Partial<Record<Payer, Decimal>>>;
  readonly cashableShare: Decimal;
  readonly source: string;
}

export interface MixComponent {
  readonly code: string;
  readonly share: Decimal;
}

export type UnitCostRef = { readonly kind: 'single'; readonly code: string } | { readonly kind: 'mix'; readonly components: readonly MixComponent[] };

interface OutcomeCommon {
  readonly code: string;
  readonly label: string;
  readonly attribution: Param;
  readonly displacement: Param;
  readonly quantityPerEvent: Param;
  readonly unitCost: UnitCostRef;
  /** Conventions 2: what the alternative replacing an avoided unit costs (a code or a mix); null when none. */
  readonly substitutionCost: UnitCostRef | null;
  /** Evidence grade 1–6, or null (no optimism-bias reduction). */
  readonly grade: number | null;
  readonly durationYears: number;
  readonly dropOff: Param;
}

export interface CounterfactualOutcome extends OutcomeCommon {
  readonly mode: 'counterfactual';
  readonly rateWithout: Param;
  readonly rateWith: Param;
  readonly engagement: Param;
}

export interface ObservedOutcome extends OutcomeCommon {
  readonly mode: 'observed';
  readonly deadweight: Param;
}

export type Outcome = CounterfactualOutcome | ObservedOutcome;

/** Conventions 2: who pays a service's spend, `{ COMMUNE_CCAS: 1 }` by default (and always under conventions 1). */
export type Funding = Readonly<Partial<Record<Payer, Decimal>>>;

export interface Service {
  readonly code: string;
  readonly label: string;
  /** Who pays the spend; shares sum to 1. */
  readonly funding: Funding;
  readonly outcomes: readonly Outcome[];
}

export interface Figure {
  readonly service: string;
  readonly period: string;
  readonly metric: string;
  readonly value: Decimal;
}

export interface StaffNeed {
  readonly code: string;
  readonly label: string;
  readonly critical: boolean;
  readonly fteDaysRequested: Decimal;
}

export interface Redeployment {
  readonly agent: string;
  readonly need: string | null;
  readonly fromService: string | null;
  readonly toService: string | null;
  readonly workingDays: Decimal;
  readonly quotite: Decimal;
  /** Plain dates `YYYY-MM-DD`. */
  readonly requestDate: string;
  readonly startDate: string;
  readonly volunteer: boolean;
  readonly dailyCost: Decimal;
}

export const BUDGET_SECTIONS = ['FONCTIONNEMENT', 'INVESTISSEMENT'] as const;
export type BudgetSection = (typeof BUDGET_SECTIONS)[number];

export interface Budget {
  readonly section: BudgetSection;
  readonly realExpenditure: Decimal;
  readonly fongibiliteLimit: Decimal;
}

export const TRANSFER_INSTRUMENTS = ['FONGIBILITE', 'DECISION_MODIFICATIVE', 'VIREMENT_INTERNE'] as const;
export type TransferInstrument = (typeof TRANSFER_INSTRUMENTS)[number];

export interface BudgetLine {
  readonly chapter: string;
  readonly function: string | null;
}

export interface BudgetTransfer {
  readonly code: string;
  readonly instrument: TransferInstrument;
  readonly from: BudgetLine;
  readonly to: BudgetLine;
  readonly amount: Decimal;
}

export interface InKindLoan {
  readonly code: string;
  readonly item: string;
  readonly toPartner: string;
  readonly days: Decimal;
  readonly quantity: Decimal;
  readonly dailyValue: Decimal;
}

export interface ReallocationInput {
  readonly workingDaysPerFte: Decimal;
  readonly headcount: number | null;
  readonly needs: readonly StaffNeed[];
  readonly redeployments: readonly Redeployment[];
  readonly budget: Budget | null;
  readonly transfers: readonly BudgetTransfer[];
  readonly inKindLoans: readonly InKindLoan[];
}

export interface Scenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly name: string;
  readonly description: string;
  readonly methodology: Methodology;
  readonly unitCosts: readonly UnitCost[];
  readonly services: readonly Service[];
  readonly figures: readonly Figure[];
  readonly reallocation: ReallocationInput | null;
}

/** One problem found in a scenario: `path` in JSON-path form (`services[0].outcomes[1].deadweight`). */
export interface ValidationError {
  readonly path: string;
  readonly message: string;
}

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] };
