import { SCENARIO_FORMAT } from '@levier/indicators';

/**
 * The one mapping from stored data to the engine's input: a `levier-scenario/1` document (plain JSON, decimals as
 * strings). The read model is computed from it, and users can download it ("télécharger ce calcul") and run
 * `levier compute` on it to get the same numbers.
 */
export interface MethodologyParameters {
  baseYear: number;
  discountRate: string;
  discountConvention: 0 | 1;
  optimismBias?: Record<string, string>;
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
    priceYear: number;
    payers: Record<string, string>;
    cashableShare: string;
    source: string;
  }[];
  services: { code: string; label: string; outcomes: { code: string; label: string; params: Record<string, unknown> }[] }[];
  /** Already summed over the org units of the scope, one row per (service, period, metric). */
  figures: { service: string; period: string; metric: string; value: string }[];
}

export interface ScenarioDocument {
  format: typeof SCENARIO_FORMAT;
  name: string;
  description: string;
  methodology: MethodologyParameters & { priceIndex: Record<string, string> };
  unitCosts: ScenarioInputs['unitCosts'];
  services: { code: string; label: string; outcomes: Record<string, unknown>[] }[];
  figures: ScenarioInputs['figures'];
}

/** The metrics the savings engine reads; other metrics (hours, meals…) stay out of the document. */
export const isSavingsMetric = (metric: string): boolean =>
  metric === 'spend' || metric === 'person_months' || metric === 'beneficiaries' || metric.startsWith('observed.');

export const buildScenarioDocument = (inputs: ScenarioInputs): ScenarioDocument => ({
  format: SCENARIO_FORMAT,
  name: inputs.name,
  description: inputs.description,
  methodology: { ...inputs.methodology, priceIndex: Object.fromEntries(Object.entries(inputs.priceIndex).map(([year, value]) => [String(year), value])) },
  unitCosts: inputs.unitCosts,
  services: inputs.services.map((s) => ({ code: s.code, label: s.label, outcomes: s.outcomes.map((o) => ({ code: o.code, label: o.label, ...o.params })) })),
  figures: inputs.figures.filter((f) => isSavingsMetric(f.metric)),
});
