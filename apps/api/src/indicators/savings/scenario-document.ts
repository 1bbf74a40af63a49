import { SCENARIO_FORMAT } from '@levier/indicators';
import { fundingFor, type FundingPlans } from '../../funding/funding-plan';
import type { Integer } from '@levier/contracts';

/**
 * The one mapping from stored data to the engine's input: a `levier-scenario/1` document (plain JSON, decimals as
 * strings). The read model is computed from it, and users can download it ("télécharger ce calcul") and run
 * `levier compute` on it to get the same numbers.
 */
export interface MethodologyParameters {
  baseYear: Integer;
  discountRate: string;
  discountConvention: 0 | 1;
  optimismBias?: Record<string, string>;
  /** The engine's calculation rules (vectors README « Conventions 2 »); absent = 1. */
  conventions?: 1 | 2;
}

export interface ScenarioInputs {
  name: string;
  description: string;
  methodology: MethodologyParameters;
  priceIndex: Record<number, string>;
  unitCosts: {
    code: string;
    label: string;
    unit: string;
    amount: string;
    /** Where sources differ (both or neither): under conventions 2 they become the amount's triple. */
    amountLow?: string | null;
    amountHigh?: string | null;
    priceYear: Integer;
    payers: Record<string, string>;
    cashableShare: string;
    source: string;
  }[];
  services: { code: string; label: string; outcomes: { code: string; label: string; params: Record<string, unknown> }[] }[];
  /** Already summed over the org units of the scope, one row per (service, period, metric). */
  figures: { service: string; period: string; metric: string; value: string }[];
  /**
   * Conventions 2: the funding plans by service and year (null: every service keeps the engine's default). A scenario
   * has one plan per service, so a service whose plan differs between the years of its figures is written once per
   * year (`SAAD_2023`, `SAAD_2024`), with its figures of that year: the totals are the same.
   */
  funding: FundingPlans | null;
}

type UnitCostDocument = Omit<ScenarioInputs['unitCosts'][number], 'amount' | 'amountLow' | 'amountHigh'> & {
  amount: string | { low: string; central: string; high: string };
};

export interface ScenarioDocument {
  format: typeof SCENARIO_FORMAT;
  name: string;
  description: string;
  methodology: MethodologyParameters & { priceIndex: Record<string, string> };
  unitCosts: UnitCostDocument[];
  services: { code: string; label: string; funding?: Record<string, string>; outcomes: Record<string, unknown>[] }[];
  figures: ScenarioInputs['figures'];
}

/** The metrics the savings engine reads; other metrics (hours, meals…) stay out of the document. */
export const isSavingsMetric = (metric: string): boolean =>
  metric === 'spend' || metric === 'person_months' || metric === 'beneficiaries' || metric.startsWith('observed.');

/** Unit-cost codes an outcome parameter refers to (a code, or a mix `[{ code, share }]`). */
const codesOf = (ref: unknown): string[] =>
  typeof ref === 'string'
    ? [ref]
    : Array.isArray(ref)
      ? ref.flatMap((c) => (typeof (c as { code?: unknown }).code === 'string' ? [(c as { code: string }).code] : []))
      : [];

/**
 * Conventions 2: a unit cost with a low and a high amount becomes a triple for ranges and sensitivity. `low` is the
 * value of the low-savings case: the lower amount for a cost that is avoided, the higher one for a cost used only as
 * a substitution cost (what the alternative costs).
 */
const unitCostDocuments = (inputs: ScenarioInputs): UnitCostDocument[] => {
  const conventions2 = inputs.methodology.conventions === 2;
  const outcomes = inputs.services.flatMap((s) => s.outcomes);
  const avoided = new Set(outcomes.flatMap((o) => codesOf(o.params.unitCost)));
  const substitutes = new Set(outcomes.flatMap((o) => codesOf(o.params.substitutionCost)));
  return inputs.unitCosts.map(({ amountLow, amountHigh, ...unitCost }) => {
    if (!conventions2 || amountLow == null || amountHigh == null) return unitCost;
    const substitutionOnly = substitutes.has(unitCost.code) && !avoided.has(unitCost.code);
    return {
      ...unitCost,
      amount: substitutionOnly
        ? { low: amountHigh, central: unitCost.amount, high: amountLow }
        : { low: amountLow, central: unitCost.amount, high: amountHigh },
    };
  });
};

/** Conventions 2: each service with its funding plan, split by year where its plan differs between the years of its figures. */
const servicesWithFunding = (inputs: ScenarioInputs): Pick<ScenarioDocument, 'services' | 'figures'> => {
  const figures = inputs.figures.filter((f) => isSavingsMetric(f.metric));
  const outcomesOf = (s: ScenarioInputs['services'][number]) => s.outcomes.map((o) => ({ code: o.code, label: o.label, ...o.params }));
  if (inputs.methodology.conventions !== 2 || inputs.funding === null) {
    return { services: inputs.services.map((s) => ({ code: s.code, label: s.label, outcomes: outcomesOf(s) })), figures };
  }
  const plans = inputs.funding;
  const services: ScenarioDocument['services'] = [];
  const renamed = new Map<string, string>();
  for (const service of inputs.services) {
    const years = [...new Set(figures.filter((f) => f.service === service.code).map((f) => Number(f.period.slice(0, 4))))].sort();
    const shares = years.map((year) => fundingFor(plans, service.code, year));
    const same = shares.every((s) => JSON.stringify(s) === JSON.stringify(shares[0]));
    if (years.length <= 1 || same) {
      services.push({ code: service.code, label: service.label, funding: shares[0] ?? fundingFor(plans, service.code, 0), outcomes: outcomesOf(service) });
      continue;
    }
    years.forEach((year, i) => {
      const code = `${service.code}_${year}`;
      renamed.set(`${service.code}|${year}`, code);
      services.push({ code, label: `${service.label} (${year})`, funding: shares[i], outcomes: outcomesOf(service) });
    });
  }
  return { services, figures: figures.map((f) => ({ ...f, service: renamed.get(`${f.service}|${f.period.slice(0, 4)}`) ?? f.service })) };
};

export const buildScenarioDocument = (inputs: ScenarioInputs): ScenarioDocument => ({
  format: SCENARIO_FORMAT,
  name: inputs.name,
  description: inputs.description,
  methodology: { ...inputs.methodology, priceIndex: Object.fromEntries(Object.entries(inputs.priceIndex).map(([year, value]) => [String(year), value])) },
  unitCosts: unitCostDocuments(inputs),
  ...servicesWithFunding(inputs),
});
