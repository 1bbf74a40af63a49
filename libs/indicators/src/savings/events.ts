import { assertNever } from '../assert-never';
import { Decimal, ONE } from '../money/decimal';

export type EventsGrossInput =
  | { readonly mode: 'counterfactual'; readonly exposure: Decimal; readonly engagement: Decimal; readonly rateWithout: Decimal; readonly rateWith: Decimal }
  | { readonly mode: 'observed'; readonly observed: Decimal; readonly deadweight: Decimal };

/**
 * events_gross = counterfactual: exposure × engagement × (rateWithout − rateWith)
 *                observed:       observed × (1 − deadweight)
 * Negative avoided events are allowed (a service can increase use) and stay negative (docs/methodology.md#the-savings-and-reallocation-methodology).
 */
export const eventsGross = (input: EventsGrossInput): Decimal => {
  switch (input.mode) {
    case 'counterfactual':
      return input.exposure.times(input.engagement).times(input.rateWithout.minus(input.rateWith));
    case 'observed':
      return input.observed.times(ONE.minus(input.deadweight));
    default:
      return assertNever(input, 'mode');
  }
};

/** events_net = events_gross × (1 − attribution) × (1 − displacement). SROI guide adjustments. */
export const eventsNet = ({ eventsGross, attribution, displacement }: { eventsGross: Decimal; attribution: Decimal; displacement: Decimal }): Decimal =>
  eventsGross.times(ONE.minus(attribution)).times(ONE.minus(displacement));

/** units_avoided = events_net × quantityPerEvent (e.g. 182.5 EHPAD days per avoided entry). */
export const unitsAvoided = ({ eventsNet, quantityPerEvent }: { eventsNet: Decimal; quantityPerEvent: Decimal }): Decimal => eventsNet.times(quantityPerEvent);
