import { Inject, Injectable } from '@nestjs/common';
import { parseScenario, ValidationError } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { Service } from '../catalogue/service.entity';
import { buildScenarioDocument, MethodologyParameters } from '../indicators/savings/scenario-document';
import { DEFAULT_METHODOLOGY, MethodologyInputs } from './methodology-inputs.service';
import { invalid } from '../platform/database/tenant-crud';
import { OutcomeAssumption } from './outcome-assumption.entity';
import { PriceIndex } from './price-index.entity';
import { UnitCost } from './unit-cost.entity';
import { unitCostScenarioEntry } from './unit-cost.mapper';

/** What the caller just wrote: engine paths about it are reported relative to the resource's own fields. */
export type MethodFocus =
  { kind: 'unitCost'; code: string } | { kind: 'assumption'; id: string } | { kind: 'methodology' } | { kind: 'priceIndex' } | { kind: 'none' };

export interface OrganisationMethod {
  parameters: MethodologyParameters;
  unitCosts: UnitCost[];
  priceIndices: PriceIndex[];
  services: Service[];
  assumptions: OutcomeAssumption[];
}

/**
 * The organisation's whole method (parameters in force, unit costs, price indices, outcome assumptions) must stay
 * computable: after a write, inside its transaction, it is rebuilt as a `levier-scenario/1` document without figures
 * and parsed by the engine. Any problem rolls the write back as a 422 carrying the engine's French messages, with
 * paths about the written resource made relative to its fields (`params.rateWith`, `payers`, `parameters.discountRate`).
 */
@Injectable()
export class MethodCheck {
  constructor(@Inject(MethodologyInputs) private readonly inputs: Pick<MethodologyInputs, 'method'>) {}

  async load(em: EntityManager, organisationId: string): Promise<OrganisationMethod> {
    const { version, ...rows } = await this.inputs.method(em, organisationId);
    return { ...rows, parameters: version ? (version.parameters as unknown as MethodologyParameters) : DEFAULT_METHODOLOGY };
  }

  /** Throws 422 when the stored method (as seen inside the current transaction) no longer parses. */
  async assertValid(em: EntityManager, organisationId: string, focus: MethodFocus, parameters?: MethodologyParameters): Promise<void> {
    const method = await this.load(em, organisationId);
    const errors = checkMethod({ ...method, parameters: parameters ?? method.parameters }, focus);
    if (errors.length > 0) {
      throw invalid('La méthode ne serait plus calculable avec cette modification : corrigez les points signalés.', errors);
    }
  }
}

/** Pure part of {@link MethodCheck}: the engine's errors, with paths rewritten for the caller. */
export const checkMethod = (method: OrganisationMethod, focus: MethodFocus): ValidationError[] => {
  const withOutcomes = method.services
    .map((s) => ({ service: s, assumptions: method.assumptions.filter((a) => a.serviceId === s.id) }))
    .filter((s) => s.assumptions.length > 0);
  const document = buildScenarioDocument({
    name: 'validation',
    description: '',
    methodology: method.parameters,
    priceIndex: Object.fromEntries(method.priceIndices.map((p) => [p.year, p.value.toFixed()])),
    unitCosts: method.unitCosts.map(unitCostScenarioEntry),
    services: withOutcomes.map(({ service, assumptions }) => ({
      code: service.code,
      label: service.label,
      outcomes: assumptions.map((a) => ({ code: a.code, label: a.label, params: a.params })),
    })),
    figures: [],
    funding: null,
  });
  const parsed = parseScenario(document);
  if (parsed.ok) return [];
  return parsed.errors.map((error) => ({ path: rewritePath(error.path, method, withOutcomes, focus), message: error.message }));
};

const rewritePath = (
  path: string,
  method: OrganisationMethod,
  withOutcomes: readonly { service: Service; assumptions: OutcomeAssumption[] }[],
  focus: MethodFocus,
): string => {
  const unitCost = /^unitCosts\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (unitCost) {
    const row = method.unitCosts[Number(unitCost[1])];
    if (focus.kind === 'unitCost' && row?.code === focus.code) return unitCost[2] ?? '';
    return `unitCosts[${row?.code ?? unitCost[1]}]${unitCost[2] ? `.${unitCost[2]}` : ''}`;
  }
  const outcome = /^services\[(\d+)\]\.outcomes\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (outcome) {
    const entry = withOutcomes[Number(outcome[1])];
    const assumption = entry?.assumptions[Number(outcome[2])];
    const rest = outcome[3];
    if (focus.kind === 'assumption' && assumption?.id === focus.id)
      return rest === undefined ? 'params' : rest === 'code' || rest === 'label' ? rest : `params.${rest}`;
    return `outcomeAssumptions[${entry?.service.code ?? '?'}/${assumption?.code ?? '?'}]${rest ? `.${rest}` : ''}`;
  }
  if (focus.kind === 'methodology' && path.startsWith('methodology.') && !path.startsWith('methodology.priceIndex'))
    return `parameters.${path.slice('methodology.'.length)}`;
  return path;
};
