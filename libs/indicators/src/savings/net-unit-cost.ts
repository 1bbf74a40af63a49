import { Decimal } from '../money/decimal';
import { ResolvedUnitCost } from './unit-cost';

/**
 * Conventions 2 (vectors README 2.3): unit_cost_net = unit_cost − substitution_unit_cost, what one avoided unit saves
 * once the alternative that replaces it is paid (an EHPAD day minus a day at home). No substitution cost: unit_cost.
 */
export const netUnitCost = ({ unitCost, substitution }: { unitCost: ResolvedUnitCost; substitution: ResolvedUnitCost | null }): Decimal =>
  substitution === null ? unitCost.amount : unitCost.amount.minus(substitution.amount);
