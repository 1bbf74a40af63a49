import { assertNever } from '../assert-never';
import { ZERO } from '../money/decimal';
import { EventsGrossInput } from './events';
import { exposurePersonYears } from './exposure';
import { OutcomePeriodFigures, ResolvedOutcome } from './savings.types';

/**
 * What `eventsGross` needs for one outcome in one period: the exposure in person-years with the engagement and both
 * rates (counterfactual), or the counted events with the deadweight (observed; a figure absent counts as 0).
 */
export const eventsGrossInput = ({ outcome, figures }: { outcome: ResolvedOutcome; figures: OutcomePeriodFigures }): EventsGrossInput => {
  switch (outcome.mode) {
    case 'counterfactual':
      return {
        mode: 'counterfactual',
        exposure: exposurePersonYears(figures),
        engagement: outcome.engagement,
        rateWithout: outcome.rateWithout,
        rateWith: outcome.rateWith,
      };
    case 'observed':
      return { mode: 'observed', observed: figures.observed ?? ZERO, deadweight: outcome.deadweight };
    default:
      return assertNever(outcome, 'mode');
  }
};
