import Decimal from 'decimal.js';
import { unitCostRangeProblems } from './unit-cost-range';

const d = (v: string) => new Decimal(v);

describe(unitCostRangeProblems.name, () => {
  it('accepts no range, and a range around the amount (bounds included)', () => {
    expect(unitCostRangeProblems({ amount: d('101'), amountLow: null, amountHigh: null })).toEqual([]);
    expect(unitCostRangeProblems({ amount: d('101'), amountLow: d('93.56'), amountHigh: d('112.85') })).toEqual([]);
    expect(unitCostRangeProblems({ amount: d('24.58'), amountLow: d('24.58'), amountHigh: d('32') })).toEqual([]);
  });

  it('asks for the missing bound, naming it', () => {
    expect(unitCostRangeProblems({ amount: d('10'), amountLow: d('8'), amountHigh: null })).toEqual([
      { path: 'amountHigh', message: expect.stringMatching(/^amountHigh : le montant haut est requis/) },
    ]);
    expect(unitCostRangeProblems({ amount: d('10'), amountLow: null, amountHigh: d('12') })).toEqual([
      { path: 'amountLow', message: expect.stringMatching(/^amountLow : le montant bas est requis/) },
    ]);
  });

  it('compares exactly as decimals: 100.5 is above 100.25', () => {
    expect(unitCostRangeProblems({ amount: d('100.25'), amountLow: d('100.5'), amountHigh: d('90') })).toEqual([
      { path: 'amountLow', message: 'amountLow : le montant bas (100.5) doit être inférieur ou égal au montant (100.25)' },
      { path: 'amountHigh', message: 'amountHigh : le montant haut (90) doit être supérieur ou égal au montant (100.25)' },
    ]);
  });
});
