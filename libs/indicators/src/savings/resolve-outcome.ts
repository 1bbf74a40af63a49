import { assertNever } from '../assert-never';
import { Decimal } from '../money/decimal';
import { resolveParam } from '../scenario/param';
import { Outcome, RangeCase, UnitCost, UnitCostRef } from '../scenario/scenario.types';
import { optimismBiasFor } from './optimism-bias';
import { ResolvedOutcome } from './savings.types';
import { indexedAmount, mixUnitCost, ResolvedUnitCost } from './unit-cost';

/** An outcome's parameters in one range case (a triple gives its own key, a plain value is used in every case). */
export const resolveOutcome = ({
  outcome,
  rangeCase,
  optimismBiasTable,
  caseOfKey,
}: {
  outcome: Outcome;
  rangeCase: RangeCase;
  optimismBiasTable: Readonly<Record<number, Decimal>>;
  /** Optional: the case of one parameter by its JSON key (sensitivity moves one alone); `rangeCase` for every key otherwise. */
  caseOfKey?: (key: string) => RangeCase;
}): ResolvedOutcome => {
  const value = (key: string, param: Outcome['attribution']): Decimal => resolveParam({ param, rangeCase: caseOfKey?.(key) ?? rangeCase });
  const common = {
    attribution: value('attribution', outcome.attribution),
    displacement: value('displacement', outcome.displacement),
    quantityPerEvent: value('quantityPerEvent', outcome.quantityPerEvent),
    optimismBias: optimismBiasFor({ grade: outcome.grade, table: optimismBiasTable }),
    durationYears: outcome.durationYears,
    dropOff: value('dropOff', outcome.dropOff),
  };
  switch (outcome.mode) {
    case 'counterfactual':
      return {
        mode: 'counterfactual',
        ...common,
        rateWithout: value('rateWithout', outcome.rateWithout),
        rateWith: value('rateWith', outcome.rateWith),
        engagement: value('engagement', outcome.engagement),
      };
    case 'observed':
      return { mode: 'observed', ...common, deadweight: value('deadweight', outcome.deadweight) };
    default:
      return assertNever(outcome, 'mode');
  }
};

/**
 * An outcome's unit cost (a code or a mix; also a substitution cost) from the library, indexed to constant euros of the
 * base year. The central amount, or with `caseOfCode` (conventions 2, README 2.8) the case of each unit cost's amount triple.
 */
export const resolveUnitCost = ({
  ref,
  unitCosts,
  baseYear,
  priceIndex,
  caseOfCode,
}: {
  ref: UnitCostRef;
  unitCosts: ReadonlyMap<string, UnitCost>;
  baseYear: number;
  priceIndex: Readonly<Record<number, Decimal>>;
  /** Optional: which value of a unit cost's amount triple to use, by unit-cost code (central when absent). */
  caseOfCode?: (code: string) => RangeCase;
}): ResolvedUnitCost => {
  const parts = ref.kind === 'single' ? [{ code: ref.code, share: new Decimal(1) }] : ref.components;
  return mixUnitCost(
    parts.map(({ code, share }) => {
      const unitCost = unitCosts.get(code);
      if (unitCost === undefined) throw new Error(`coût unitaire inconnu « ${code} »`);
      return {
        code,
        share,
        indexedAmount: indexedAmount({
          amount: caseOfCode === undefined ? unitCost.amount : resolveParam({ param: unitCost.amountParam, rangeCase: caseOfCode(code) }),
          priceYear: unitCost.priceYear,
          baseYear,
          priceIndex,
        }),
        payers: unitCost.payers,
        cashableShare: unitCost.cashableShare,
      };
    }),
  );
};
