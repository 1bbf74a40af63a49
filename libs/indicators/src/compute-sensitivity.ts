import { computeSavings } from './compute-savings';
import { Decimal } from './money/decimal';
import { onlyParameterAt, tripleParameters } from './scenario/parameters';
import { RangeCase, Scenario } from './scenario/scenario.types';
import { aggregate } from './savings/aggregate';
import { SensitivityEntry, sensitivityEntry, sortSensitivity } from './savings/sensitivity';

/**
 * Conventions 2 (vectors README 2.8): for every triple-valued parameter (outcome parameters `<service>/<outcome>/<key>`
 * and unit-cost amounts `unitCost/<code>/amount`, used or not), the totals' netSavings recomputed with that one parameter at
 * its low then high value and every other at central; sorted by unrounded swing descending, then parameter name.
 * Empty when the scenario has no triple.
 */
export const computeSensitivity = (scenario: Scenario): SensitivityEntry[] => {
  const netSavings = (parameter: string, rangeCase: RangeCase): Decimal =>
    aggregate(computeSavings({ scenario, rangeCase: 'central', caseOf: onlyParameterAt({ parameter, rangeCase }) }).map((row) => row.cell)).netSavings;
  return sortSensitivity(
    tripleParameters(scenario).map((parameter) => sensitivityEntry({ parameter, low: netSavings(parameter, 'low'), high: netSavings(parameter, 'high') })),
  );
};
