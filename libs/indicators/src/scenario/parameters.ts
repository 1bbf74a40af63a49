import { Outcome, Param, RangeCase, Scenario } from './scenario.types';

/** Which value of each triple a run uses, by parameter name (vectors README 2.8 names). */
export type CaseOf = (parameter: string) => RangeCase;

/** Ranges: every triple at the same case. */
export const everyParameterAt =
  (rangeCase: RangeCase): CaseOf =>
  () =>
    rangeCase;

/** Sensitivity: one parameter at `rangeCase`, every other at `central`. */
export const onlyParameterAt =
  ({ parameter, rangeCase }: { parameter: string; rangeCase: RangeCase }): CaseOf =>
  (name) =>
    name === parameter ? rangeCase : 'central';

/** `<serviceCode>/<outcomeCode>/<key>` (vectors README 2.8). */
export const outcomeParameterName = ({ service, outcome, key }: { service: string; outcome: string; key: string }): string => `${service}/${outcome}/${key}`;

/** `unitCost/<code>/amount` (vectors README 2.8). */
export const unitCostParameterName = (code: string): string => `unitCost/${code}/amount`;

/** An outcome's decimal parameters by JSON key (those that may be triples). */
export const outcomeParams = (outcome: Outcome): [string, Param][] => {
  const common: [string, Param][] = [
    ['attribution', outcome.attribution],
    ['displacement', outcome.displacement],
    ['quantityPerEvent', outcome.quantityPerEvent],
    ['dropOff', outcome.dropOff],
  ];
  switch (outcome.mode) {
    case 'counterfactual':
      return [['rateWithout', outcome.rateWithout], ['rateWith', outcome.rateWith], ['engagement', outcome.engagement], ...common];
    case 'observed':
      return [['deadweight', outcome.deadweight], ...common];
  }
};

/** Every triple-valued parameter of a scenario (outcome parameters, then unit-cost amounts), by name; used or not. */
export const tripleParameters = (scenario: Scenario): string[] => [
  ...scenario.services.flatMap((service) =>
    service.outcomes.flatMap((outcome) =>
      outcomeParams(outcome)
        .filter(([, param]) => param.kind === 'triple')
        .map(([key]) => outcomeParameterName({ service: service.code, outcome: outcome.code, key })),
    ),
  ),
  ...scenario.unitCosts.filter((unitCost) => unitCost.amountParam.kind === 'triple').map((unitCost) => unitCostParameterName(unitCost.code)),
];
