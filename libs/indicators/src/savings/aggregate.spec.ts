import { d } from '../money/decimal';
import { aggregate, EMPTY_CELL } from './aggregate';
import { computeOutcomePeriod } from './outcome-period';
import { SavingsCell } from './savings.types';
import { computeServicePeriod } from './service-period';
import { mixUnitCost } from './unit-cost';

const cell = (overrides: Partial<SavingsCell>): SavingsCell => ({ ...EMPTY_CELL, ...overrides });

describe(aggregate.name, () => {
  it('recomputes ratios from sums, never averages them', () => {
    // A: 100 / 50 = 2 ; B: 300 / 300 = 1 ; mean of ratios 1.5, but ratio of sums (100 + 300) / (50 + 300) = 1.142857
    const sut = aggregate([cell({ grossSavings: d(100), cost: d(50), spend: d(50) }), cell({ grossSavings: d(300), cost: d(300), spend: d(300) })]);
    expect(sut.offsetRatio?.toFixed(6)).toBe('1.142857');
    expect(sut.netSavings.toFixed()).toBe('50');
  });
  it('gives null ratios on zero denominators and 0 cost per event when cost is 0', () => {
    // offsetRatio = 10 / 0 → null ; costPerEventAvoided = 0 / 2 = 0
    const sut = aggregate([cell({ grossSavings: d(10), eventsNet: d(2), valueStream: [d(10)] })]);
    expect(sut.offsetRatio).toBeNull();
    expect(sut.costPerEventAvoided?.toFixed(2)).toBe('0.00');
    expect(sut.paybackYears?.toFixed(6)).toBe('0.000000');
  });
  it('gives null cost per event when no event was avoided', () => {
    expect(aggregate([cell({ cost: d(10), spend: d(10) })]).costPerEventAvoided).toBeNull();
  });
  it('sums payer splits by key', () => {
    const sut = aggregate([cell({ byPayer: { ETAT: d(1) } }), cell({ byPayer: { ETAT: d(2), CAF: d(3) } })]);
    expect(Object.fromEntries(Object.entries(sut.byPayer).map(([payer, amount]) => [payer, amount.toFixed()]))).toEqual({ ETAT: '3', CAF: '3' });
  });
});

describe(computeOutcomePeriod.name, () => {
  it('reproduces T3 (observed, two years, 3.5%)', () => {
    // 60 × 0.6 = 36 ; × 0.7 = 25.2 ; × 8500 = 214200 ; PV = 214200 + 149940 / 1.035 = 359069.57
    const unitCost = mixUnitCost([{ code: 'S', share: d(1), indexedAmount: d(8500), payers: { ETAT: d(1) }, cashableShare: d(1) }]);
    const sut = computeOutcomePeriod({
      outcome: {
        mode: 'observed',
        deadweight: d('0.40'),
        attribution: d('0.30'),
        displacement: d(0),
        quantityPerEvent: d(1),
        optimismBias: d(0),
        durationYears: 2,
        dropOff: d('0.30'),
      },
      unitCost,
      figures: { personMonths: null, beneficiaries: null, monthsInPeriod: 12, observed: d(60) },
      discount: { rate: d('0.035'), t0: 0 },
    });
    expect([sut.eventsGross.toFixed(6), sut.eventsNet.toFixed(6), sut.valueGross.toFixed(2), sut.presentValue.toFixed(2)]).toEqual([
      '36.000000',
      '25.200000',
      '214200.00',
      '359069.57',
    ]);
    expect(sut.byPayer.ETAT?.toFixed(2)).toBe('359069.57');
  });
});

describe(computeServicePeriod.name, () => {
  it('adds outcomes and discounts the spend once under t0 = 1', () => {
    // cost = 1035 / 1.035 = 1000 ; spend kept at 1035 for payback
    const sut = computeServicePeriod({ outcomes: [], spend: d(1035), discount: { rate: d('0.035'), t0: 1 } });
    expect([sut.cost.toFixed(), sut.spend.toFixed(), sut.grossSavings.toFixed()]).toEqual(['1000', '1035', '0']);
  });
});
