import { assertNever } from '../assert-never';
import { Decimal } from '../money/decimal';
import { resolveParam } from '../scenario/param';
import { Outcome, RangeCase, UnitCost } from '../scenario/scenario.types';
import { optimismBiasFor } from './optimism-bias';
import { ResolvedOutcome } from './savings.types';
import { indexedAmount, mixUnitCost, ResolvedUnitCost } from './unit-cost';

/** An outcome's parameters in one range case (a triple gives its own key, a plain value is used in every case). */
export const resolveOutcome = ({
  outcome,
  rangeCase,
  optimismBiasTable,
}: {
  outcome: Outcome;
  rangeCase: RangeCase;
  optimismBiasTable: Readonly<Record<number, Decimal>>;
}): ResolvedOutcome => {
  const value = (param: Outcome['attribution']): Decimal => resolveParam({ param, rangeCase });
  const common = {
    attribution: value(outcome.attribution),
    displacement: value(outcome.displacement),
    quantityPerEvent: value(outcome.quantityPerEvent),
    optimismBias: optimismBiasFor({ grade: outcome.grade, table: optimismBiasTable }),
    durationYears: outcome.durationYears,
    dropOff: value(outcome.dropOff),
  };
  switch (outcome.mode) {
    case 'counterfactual':
      return {
        mode: 'counterfactual',
        ...common,
        rateWithout: value(outcome.rateWithout),
        rateWith: value(outcome.rateWith),
        engagement: value(outcome.engagement),
      };
    case 'observed':
      return { mode: 'observed', ...common, deadweight: value(outcome.deadweight) };
    default:
      return assertNever(outcome, 'mode');
  }
};

/** An outcome's unit cost (a code or a mix) from the library, indexed to constant euros of the base year. */
export const resolveUnitCost = ({
  ref,
  unitCosts,
  baseYear,
  priceIndex,
}: {
  ref: Outcome['unitCost'];
  unitCosts: ReadonlyMap<string, UnitCost>;
  baseYear: number;
  priceIndex: Readonly<Record<number, Decimal>>;
}): ResolvedUnitCost => {
  const parts = ref.kind === 'single' ? [{ code: ref.code, share: new Decimal(1) }] : ref.components;
  return mixUnitCost(
    parts.map(({ code, share }) => {
      const unitCost = unitCosts.get(code);
      if (unitCost === undefined) throw new Error(`coût unitaire inconnu « ${code} »`);
      return {
        code,
        share,
        indexedAmount: indexedAmount({ amount: unitCost.amount, priceYear: unitCost.priceYear, baseYear, priceIndex }),
        payers: unitCost.payers,
        cashableShare: unitCost.cashableShare,
      };
    }),
  );
};
