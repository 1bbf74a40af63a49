import { eventsGross, eventsNet, unitsAvoided } from './events';
import { eventsGrossInput } from './events-gross-input';
import { harmAwareBiasFactor } from './harm-bias-factor';
import { netUnitCost } from './net-unit-cost';
import { presentValueOfStream } from './present-value';
import { presentValueFactor } from './present-value-factor';
import { DiscountParameters, OutcomePeriodFigures, OutcomePeriodResult, ResolvedOutcome } from './savings.types';
import { signedComponents, splitSignedParts } from './signed-parts';
import { ResolvedUnitCost } from './unit-cost';
import { valueStream } from './value-stream';

/**
 * One service, outcome and period under conventions 2 (vectors README § Conventions 2):
 * events → units → value_gross = units × (unit_cost − substitution_unit_cost) (2.3)
 * → value_year0 = value_gross × bias_factor, bias_factor = 1 − optimism bias only where value_gross > 0 (2.2)
 * → value_k = value_year0 × (1 − dropOff)^k → present_value = Σ value_k / (1 + r)^(k + t0);
 * byPayer and cashable from the signed parts units × component_value × bias_factor × pv_factor (2.3).
 * `unitCost` of the result is the net unit cost. No intermediate rounding.
 */
export const computeOutcomePeriodConventions2 = ({
  outcome,
  unitCost,
  substitution,
  figures,
  discount,
}: {
  outcome: ResolvedOutcome;
  unitCost: ResolvedUnitCost;
  /** The resolved substitution cost, or null when the outcome has none. */
  substitution: ResolvedUnitCost | null;
  figures: OutcomePeriodFigures;
  discount: DiscountParameters;
}): OutcomePeriodResult => {
  const gross = eventsGross(eventsGrossInput({ outcome, figures }));
  const net = eventsNet({ eventsGross: gross, attribution: outcome.attribution, displacement: outcome.displacement });
  const units = unitsAvoided({ eventsNet: net, quantityPerEvent: outcome.quantityPerEvent });
  const unitCostNet = netUnitCost({ unitCost, substitution });
  const valueGross = units.times(unitCostNet);
  const biasFactor = harmAwareBiasFactor({ valueGross, optimismBias: outcome.optimismBias });
  const valueYear0 = valueGross.times(biasFactor);
  const stream = valueStream({ valueYear0, dropOff: outcome.dropOff, years: outcome.durationYears });
  const presentValue = presentValueOfStream({ stream, rate: discount.rate, t0: discount.t0 });
  const pvFactor = presentValueFactor({ dropOff: outcome.dropOff, years: outcome.durationYears, rate: discount.rate, t0: discount.t0 });
  const { byPayer, cashable } = splitSignedParts({ components: signedComponents({ unitCost, substitution }), scale: units.times(biasFactor).times(pvFactor) });
  return {
    eventsGross: gross,
    eventsNet: net,
    unitsAvoided: units,
    unitCost: unitCostNet,
    valueGross,
    valueYear0,
    presentValue,
    valueStream: stream,
    byPayer,
    cashable,
    nonCashable: presentValue.minus(cashable),
  };
};
