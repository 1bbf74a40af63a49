import { outcomeParams, Param, Scenario } from '@levier/indicators';

/** A triple parameter's own values (the assumption, not the result), as decimal text. */
export interface ParameterValues {
  low: string;
  central: string;
  high: string;
}

const asValues = (param: Param | undefined): ParameterValues | null =>
  param?.kind === 'triple' ? { low: param.low.toFixed(), central: param.central.toFixed(), high: param.high.toFixed() } : null;

/**
 * The low / central / high values of a sensitivity parameter (vectors README 2.8 names: `<service>/<outcome>/<key>`,
 * `unitCost/<code>/amount`) as the scenario holds them; null for a name the scenario does not hold as a triple.
 * Reads the scenario only: no figure is computed here.
 */
export const parameterValues = (scenario: Scenario, parameter: string): ParameterValues | null => {
  const [first, second, key] = parameter.split('/');
  if (first === 'unitCost') return asValues(scenario.unitCosts.find((u) => u.code === second)?.amountParam);
  const outcome = scenario.services.find((s) => s.code === first)?.outcomes.find((o) => o.code === second);
  return outcome ? asValues(outcomeParams(outcome).find(([name]) => name === key)?.[1]) : null;
};
