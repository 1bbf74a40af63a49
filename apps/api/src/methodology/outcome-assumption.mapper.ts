import { OutcomeAssumption } from './outcome-assumption.entity';

export interface OutcomeAssumptionResponse {
  id: string;
  service: string;
  code: string;
  label: string;
  params: Record<string, unknown>;
  justification: string;
  evidence: string | null;
}

export const toOutcomeAssumptionResponse = (a: OutcomeAssumption, serviceCode: string): OutcomeAssumptionResponse => ({
  id: a.id,
  service: serviceCode,
  code: a.code,
  label: a.label,
  params: a.params,
  justification: a.justification,
  evidence: a.evidence,
});
