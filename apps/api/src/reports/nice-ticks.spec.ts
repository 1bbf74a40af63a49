import { Decimal } from '@levier/indicators';
import { niceTicks } from './nice-ticks';

const text = (ticks: Decimal[]): string[] => ticks.map((t) => t.toString());

describe(niceTicks.name, () => {
  it('covers 0 … 121 521 € with round 50 k€ steps instead of quarters of the maximum', () => {
    // raw step 121 521 / 4 = 30 380 → magnitude 10 000, first round factor ≥ 3.04 is 5 → 50 000
    expect(text(niceTicks(new Decimal(0), new Decimal('121521')))).toEqual(['0', '50000', '100000', '150000']);
  });
  it('includes a negative minimum on a round tick', () => {
    // span 1 000 − (−880) = 1 880, raw 470 → step 500
    expect(text(niceTicks(new Decimal('-880'), new Decimal('1000')))).toEqual(['-1000', '-500', '0', '500', '1000']);
  });
});
