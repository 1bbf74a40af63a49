import { computeScenario } from './compute-scenario';
import { parseScenario } from './scenario/parse-scenario';
import { Scenario } from './scenario/scenario.types';

type Json = Record<string, unknown>;

/** One service with one observed outcome worth 1032 € per event, paid by the État; overrides merged at top level. */
const scenario = (overrides: Json = {}): Scenario => {
  const parsed = parseScenario({
    format: 'levier-scenario/1',
    methodology: { baseYear: 2024, discountRate: '0.032', discountConvention: 0 },
    unitCosts: [{ code: 'U', amount: '1032', priceYear: 2024, payers: { ETAT: '1' } }],
    services: [{ code: 'S', outcomes: [{ code: 'O', mode: 'observed', unitCost: 'U' }] }],
    figures: [],
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
};

const figure = (service: string, period: string, metric: string, value: string) => ({ service, period, metric, value });

describe(computeScenario.name, () => {
  it('discounts the first year and the cost once under convention 1, payback on undiscounted values', () => {
    // PV = 1 × 1032 / 1.032 = 1000 ; cost = 1032 / 1.032 = 1000 ; payback: 1032 ≥ 1032 in year 0 → 0 + 1032 / 1032 = 1
    const sut = computeScenario(
      scenario({
        methodology: { baseYear: 2024, discountConvention: 1 },
        figures: [figure('S', '2024', 'observed.O', '1'), figure('S', '2024', 'spend', '1032')],
      }),
    );
    expect([sut.totals.grossSavings, sut.totals.cost, sut.totals.offsetRatio, sut.totals.paybackYears]).toEqual(['1000.00', '1000.00', '1.000000', '1.000000']);
  });

  it('lists a service without figures with zeros and null ratios, and no period', () => {
    const sut = computeScenario(scenario());
    expect(sut.services.S).toEqual({
      eventsNet: '0.000000',
      grossSavings: '0.00',
      cost: '0.00',
      netSavings: '0.00',
      offsetRatio: null,
      costPerEventAvoided: null,
      paybackYears: '0.000000',
      byPayer: {},
      cashable: '0.00',
      nonCashable: '0.00',
    });
    expect(sut.periods).toEqual({});
    expect(sut.outcomes['S/O']).toEqual({
      eventsGross: '0.000000',
      eventsNet: '0.000000',
      unitsAvoided: '0.000000',
      unitCost: '1032.000000',
      valueGross: '0.00',
      valueYear0: '0.00',
      presentValue: '0.00',
    });
  });

  it('counts an absent figure as 0: spend only gives no savings and no cost per event', () => {
    const sut = computeScenario(scenario({ figures: [figure('S', '2024-03', 'spend', '500')] }));
    expect([sut.periods['2024-03'].grossSavings, sut.periods['2024-03'].costPerEventAvoided, sut.periods['2024-03'].paybackYears]).toEqual([
      '0.00',
      null,
      null,
    ]);
  });

  it('sorts periods chronologically across services of different granularities', () => {
    const sut = computeScenario(
      scenario({
        services: [
          { code: 'S', outcomes: [] },
          { code: 'T', outcomes: [] },
        ],
        figures: [
          figure('S', '2024-02', 'spend', '1'),
          figure('T', '2023', 'spend', '1'),
          figure('S', '2024-01', 'spend', '1'),
          figure('T', '2024', 'spend', '1'),
        ],
      }),
    );
    expect(Object.keys(sut.periods).sort()).toEqual(['2023', '2024', '2024-01', '2024-02']);
    expect(sut.totals.cost).toBe('4.00');
  });

  it('keeps negative avoided events negative and never prints -0.00', () => {
    // 12 person-months = 1 person-year × (0.1 − 0.3) = −0.2 events × 1032 = −206.40
    const sut = computeScenario(
      scenario({
        services: [{ code: 'S', outcomes: [{ code: 'O', mode: 'counterfactual', rateWithout: '0.1', rateWith: '0.3', unitCost: 'U' }] }],
        figures: [figure('S', '2024-01', 'person_months', '12')],
      }),
    );
    expect([sut.totals.eventsNet, sut.totals.grossSavings, sut.totals.cost, sut.totals.netSavings, sut.totals.nonCashable]).toEqual([
      '-0.200000',
      '-206.40',
      '0.00',
      '-206.40',
      '0.00',
    ]);
  });

  it('derives exposure from beneficiaries × months when person_months is absent', () => {
    // monthly period: 12 beneficiaries × 1 month / 12 = 1 person-year × 0.5 = 0.5 events
    const sut = computeScenario(
      scenario({
        services: [{ code: 'S', outcomes: [{ code: 'O', mode: 'counterfactual', rateWithout: '0.5', rateWith: '0', unitCost: 'U' }] }],
        figures: [figure('S', '2024-05', 'beneficiaries', '12')],
      }),
    );
    expect(sut.totals.eventsNet).toBe('0.500000');
  });

  it('gives ranges only when a parameter is a triple, each case taking its own key', () => {
    // low: 10 × (1 − 0.5) = 5 events ; central 10 × 0.8 = 8 ; high 10 × 0.9 = 9 (× 1032 €)
    const withTriple = computeScenario(
      scenario({
        services: [{ code: 'S', outcomes: [{ code: 'O', mode: 'observed', attribution: { low: '0.5', central: '0.2', high: '0.1' }, unitCost: 'U' }] }],
        figures: [figure('S', '2024', 'observed.O', '10')],
      }),
    );
    expect([withTriple.ranges?.low.eventsNet, withTriple.totals.eventsNet, withTriple.ranges?.high.eventsNet]).toEqual(['5.000000', '8.000000', '9.000000']);
    expect(withTriple.ranges?.high.grossSavings).toBe('9288.00');
    expect('ranges' in computeScenario(scenario())).toBe(false);
    expect('reallocation' in computeScenario(scenario())).toBe(false);
  });
});

describe(`${computeScenario.name} (conventions 2)`, () => {
  const v2 = (overrides: Json = {}): Scenario =>
    scenario({ methodology: { conventions: 2, baseYear: 2024, discountRate: '0.032', discountConvention: 0 }, ...overrides });

  it('leaves the conventions-1 output without any conventions-2 key', () => {
    const sut = computeScenario(scenario({ figures: [figure('S', '2024', 'observed.O', '1'), figure('S', '2024', 'spend', '100')] }));
    expect(Object.keys(sut.totals)).toEqual([
      'eventsNet',
      'grossSavings',
      'cost',
      'netSavings',
      'offsetRatio',
      'costPerEventAvoided',
      'paybackYears',
      'byPayer',
      'cashable',
      'nonCashable',
    ]);
    expect('sensitivity' in sut).toBe(false);
  });

  it('gives every aggregate the funding ledger and the public figures (commune by default)', () => {
    // 2 events × 1032 = 2064 saved by the État ; cost 1000 paid by the commune
    const sut = computeScenario(v2({ figures: [figure('S', '2024', 'observed.O', '2'), figure('S', '2024', 'spend', '1000')] }));
    expect(sut.periods['2024']).toMatchObject({
      eventsByOutcome: { O: '2.000000' },
      costByPayer: { COMMUNE_CCAS: '1000.00' },
      ledger: { ETAT: { avoided: '2064.00', cost: '0.00', net: '2064.00' }, COMMUNE_CCAS: { avoided: '0.00', cost: '1000.00', net: '-1000.00' } },
      publicSavings: '2064.00',
      publicCost: '1000.00',
      publicNetSavings: '1064.00',
      publicOffsetRatio: '2.064000',
    });
  });

  it('rounds negative money half away from zero', () => {
    // −1 event × 0.125 € = −0.125 → −0.13 (not −0.12)
    const sut = computeScenario(
      v2({ unitCosts: [{ code: 'U', amount: '0.125', priceYear: 2024, payers: { ETAT: '1' } }], figures: [figure('S', '2024', 'observed.O', '-1')] }),
    );
    expect([sut.totals.grossSavings, sut.totals.byPayer.ETAT]).toEqual(['-0.13', '-0.13']);
  });

  it('lists every triple in the sensitivity, an unused unit cost with a swing of 0, ties by parameter name', () => {
    // attribution low 0.5 / high 0.1 → net savings 1 × 1032 × 0.5 − 0 = 516 / 928.8 (swing 412.8) ; the unused unit cost moves nothing
    const sut = computeScenario(
      v2({
        unitCosts: [
          { code: 'U', amount: '1032', priceYear: 2024, payers: { ETAT: '1' } },
          { code: 'Z_UNUSED', amount: { low: '1', central: '2', high: '3' }, priceYear: 2024, payers: { ETAT: '1' } },
          { code: 'A_UNUSED', amount: { low: '1', central: '2', high: '3' }, priceYear: 2024, payers: { ETAT: '1' } },
        ],
        services: [{ code: 'S', outcomes: [{ code: 'O', mode: 'observed', attribution: { low: '0.5', central: '0.2', high: '0.1' }, unitCost: 'U' }] }],
        figures: [figure('S', '2024', 'observed.O', '1')],
      }),
    );
    expect('sensitivity' in sut && sut.sensitivity).toEqual([
      { parameter: 'S/O/attribution', low: '516.00', high: '928.80', swing: '412.80' },
      { parameter: 'unitCost/A_UNUSED/amount', low: '825.60', high: '825.60', swing: '0.00' },
      { parameter: 'unitCost/Z_UNUSED/amount', low: '825.60', high: '825.60', swing: '0.00' },
    ]);
  });
});
