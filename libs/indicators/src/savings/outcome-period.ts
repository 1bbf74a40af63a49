import { splitCashable } from './cashable-split';
import { eventsGross, eventsNet, unitsAvoided } from './events';
import { eventsGrossInput } from './events-gross-input';
import { applyOptimismBias } from './optimism-bias';
import { splitByPayer } from './payer-split';
import { presentValueOfStream } from './present-value';
import { DiscountParameters, OutcomePeriodFigures, OutcomePeriodResult, ResolvedOutcome } from './savings.types';
import { ResolvedUnitCost } from './unit-cost';
import { valueStream } from './value-stream';

/**
 * One service, outcome and period (vectors README § The computation):
 * events → units → value_gross = units × unit_cost → value_year0 = × (1 − optimism bias)
 * → value_k = value_year0 × (1 − dropOff)^k → present_value = Σ value_k / (1 + r)^(k + t0),
 * split by payer and into cashable / non-cashable with the unit cost's shares. No intermediate rounding.
 */
export const computeOutcomePeriod = ({
  outcome,
  unitCost,
  figures,
  discount,
}: {
  outcome: ResolvedOutcome;
  unitCost: ResolvedUnitCost;
  figures: OutcomePeriodFigures;
  discount: DiscountParameters;
}): OutcomePeriodResult => {
  const gross = eventsGross(eventsGrossInput({ outcome, figures }));
  const net = eventsNet({ eventsGross: gross, attribution: outcome.attribution, displacement: outcome.displacement });
  const units = unitsAvoided({ eventsNet: net, quantityPerEvent: outcome.quantityPerEvent });
  const valueGross = units.times(unitCost.amount);
  const valueYear0 = applyOptimismBias({ valueGross, optimismBias: outcome.optimismBias });
  const stream = valueStream({ valueYear0, dropOff: outcome.dropOff, years: outcome.durationYears });
  const presentValue = presentValueOfStream({ stream, rate: discount.rate, t0: discount.t0 });
  return {
    eventsGross: gross,
    eventsNet: net,
    unitsAvoided: units,
    unitCost: unitCost.amount,
    valueGross,
    valueYear0,
    presentValue,
    valueStream: stream,
    byPayer: splitByPayer({ amount: presentValue, unitCost }),
    ...splitCashable({ amount: presentValue, unitCost }),
  };
};
