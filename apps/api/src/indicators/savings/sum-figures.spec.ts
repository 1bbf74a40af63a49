import { d } from '@levier/indicators';
import { sumFiguresOverUnits, UnitFigure } from './sum-figures';

const row = (orgUnit: string, period: string, metric: string, value: string): UnitFigure => ({ orgUnit, service: 'SAAD', period, metric, value: d(value) });

describe(sumFiguresOverUnits.name, () => {
  // unit A reported person-months, B beneficiaries only, C both: B's beneficiaries become person-months (× months)
  const units = [
    row('A', '2024-Q1', 'person_months', '30'),
    row('A', '2024-Q1', 'beneficiaries', '10'),
    row('A', '2024-Q1', 'spend', '1000.50'),
    row('B', '2024-Q1', 'beneficiaries', '4'),
    row('B', '2024-Q1', 'spend', '200'),
    row('C', '2024-Q1', 'person_months', '6'),
    row('C', '2024-Q1', 'beneficiaries', '2'),
    row('B', '2024-04', 'beneficiaries', '7'),
    row('C', '2024-04', 'beneficiaries', '1'),
  ];

  it('converts the beneficiaries of units without person-months where another unit has them, and keeps plain sums elsewhere', () => {
    expect(sumFiguresOverUnits(units)).toEqual([
      // 30 + 6 + 4 beneficiaries × 3 months = 48; the beneficiaries are then dropped for the quarter
      { service: 'SAAD', period: '2024-Q1', metric: 'person_months', value: '48' },
      { service: 'SAAD', period: '2024-Q1', metric: 'spend', value: '1200.5' },
      // nobody reported person-months in April: 7 + 1 beneficiaries
      { service: 'SAAD', period: '2024-04', metric: 'beneficiaries', value: '8' },
    ]);
  });

  it('gives the same totals from sums over the units with and without person-months (what PostgreSQL hands over)', () => {
    const grouped = [
      row('avec', '2024-Q1', 'beneficiaries', '12'),
      row('avec', '2024-Q1', 'person_months', '36'),
      row('avec', '2024-Q1', 'spend', '1000.50'),
      row('sans', '2024-Q1', 'beneficiaries', '4'),
      row('sans', '2024-Q1', 'spend', '200'),
      row('sans', '2024-04', 'beneficiaries', '8'),
    ];
    expect(sumFiguresOverUnits(grouped)).toEqual(sumFiguresOverUnits(units));
  });
});
