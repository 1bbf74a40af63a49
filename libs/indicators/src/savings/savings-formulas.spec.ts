import { d } from '../money/decimal';
import { splitCashable } from './cashable-split';
import { eventsGross, eventsNet, unitsAvoided } from './events';
import { exposurePersonYears } from './exposure';
import { applyOptimismBias, DEFAULT_OPTIMISM_BIAS, optimismBiasFor } from './optimism-bias';
import { addStreams, paybackYears } from './payback';
import { splitByPayer } from './payer-split';
import { costPresentValue, presentValue, presentValueOfStream } from './present-value';
import { componentWeights, indexedAmount, mixUnitCost } from './unit-cost';
import { valueStream } from './value-stream';

const fixed = (value: { toFixed: (dp: number) => string } | null, dp = 6): string | null => (value === null ? null : value.toFixed(dp));

describe(exposurePersonYears.name, () => {
  it('turns person-months into person-years', () => {
    // 1200 / 12 = 100
    expect(fixed(exposurePersonYears({ personMonths: d(1200), beneficiaries: d(5), monthsInPeriod: 12 }))).toBe('100.000000');
  });
  it('uses beneficiaries × months when person_months is absent', () => {
    // 140 × 3 / 12 = 35 person-years in a quarter
    expect(fixed(exposurePersonYears({ personMonths: null, beneficiaries: d(140), monthsInPeriod: 3 }))).toBe('35.000000');
  });
  it('is 0 without either figure', () => {
    expect(exposurePersonYears({ personMonths: null, beneficiaries: null, monthsInPeriod: 1 }).isZero()).toBe(true);
  });
});

describe(eventsGross.name, () => {
  it('counterfactual: exposure × engagement × (rateWithout − rateWith)', () => {
    // 151.5 × 0.90 × (0.12 − 0.09) = 4.0905
    expect(fixed(eventsGross({ mode: 'counterfactual', exposure: d('151.5'), engagement: d('0.90'), rateWithout: d('0.12'), rateWith: d('0.09') }))).toBe(
      '4.090500',
    );
  });
  it('observed: observed × (1 − deadweight)', () => {
    // 60 × (1 − 0.40) = 36
    expect(fixed(eventsGross({ mode: 'observed', observed: d(60), deadweight: d('0.40') }))).toBe('36.000000');
  });
  it('keeps negative avoided events negative', () => {
    // 10 × 1 × (0.1 − 0.2) = −1
    expect(fixed(eventsGross({ mode: 'counterfactual', exposure: d(10), engagement: d(1), rateWithout: d('0.1'), rateWith: d('0.2') }))).toBe('-1.000000');
  });
});

describe(eventsNet.name, () => {
  it('removes attribution and displacement', () => {
    // 6 × (1 − 0.20) × (1 − 0.10) = 4.32
    expect(fixed(eventsNet({ eventsGross: d(6), attribution: d('0.20'), displacement: d('0.10') }))).toBe('4.320000');
  });
});

describe(unitsAvoided.name, () => {
  it('multiplies by the quantity per event', () => {
    // 6 × 182.5 = 1095 EHPAD days
    expect(fixed(unitsAvoided({ eventsNet: d(6), quantityPerEvent: d('182.5') }))).toBe('1095.000000');
  });
});

describe(indexedAmount.name, () => {
  it('brings a 2013 price to 2024 euros', () => {
    // 101 × 118 / 100 = 119.18
    expect(fixed(indexedAmount({ amount: d(101), priceYear: 2013, baseYear: 2024, priceIndex: { 2013: d(100), 2024: d(118) } }))).toBe('119.180000');
  });
  it('needs no index in the base year', () => {
    expect(fixed(indexedAmount({ amount: d('147.07'), priceYear: 2024, baseYear: 2024, priceIndex: {} }), 2)).toBe('147.07');
  });
  it('throws on a missing index (parseScenario reports it first)', () => {
    expect(() => indexedAmount({ amount: d(1), priceYear: 2012, baseYear: 2024, priceIndex: { 2024: d(1) } })).toThrow(/2012/);
  });
});

const payers = (entries: Record<string, string>) => Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, d(value)]));

const fallMix = mixUnitCost([
  { code: 'HOSP', share: d('0.30'), indexedAmount: d('2549.176829'), payers: payers({ ASSURANCE_MALADIE: '0.90', USAGER: '0.10' }), cashableShare: d('0.25') },
  { code: 'URG', share: d('0.70'), indexedAmount: d('198.486010'), payers: payers({ ASSURANCE_MALADIE: '0.80', USAGER: '0.20' }), cashableShare: d('0.10') },
]);

describe(mixUnitCost.name, () => {
  it('weights the components by their shares', () => {
    // 0.30 × 2549.176829 + 0.70 × 198.486010 = 764.7530487 + 138.940207 = 903.6932557
    expect(fixed(fallMix.amount)).toBe('903.693256');
  });
});

describe(componentWeights.name, () => {
  it("gives each component's share of the unit cost", () => {
    // 764.7530487 / 903.6932557 = 0.846253 ; 138.940207 / 903.6932557 = 0.153747
    expect(componentWeights(fallMix).map((weight) => fixed(weight))).toEqual(['0.846253', '0.153747']);
  });
});

describe(splitByPayer.name, () => {
  it('splits a mix by each component payer shares', () => {
    // 1000 × (0.846253 × 0.90 + 0.153747 × 0.80) = 884.625 ; USAGER = 1000 − 884.625 = 115.375
    const sut = splitByPayer({ amount: d(1000), unitCost: fallMix });
    expect({ AM: fixed(sut.ASSURANCE_MALADIE ?? null, 2), U: fixed(sut.USAGER ?? null, 2) }).toEqual({ AM: '884.63', U: '115.37' });
  });
});

describe(splitCashable.name, () => {
  it('splits into cashable and non-cashable adding up to the amount', () => {
    // cashable = 1000 × (0.846253 × 0.25 + 0.153747 × 0.10) = 211.563 + 15.375 = 226.94
    const sut = splitCashable({ amount: d(1000), unitCost: fallMix });
    expect(fixed(sut.cashable, 2)).toBe('226.94');
    expect(sut.cashable.plus(sut.nonCashable).eq(1000)).toBe(true);
  });
});

describe(optimismBiasFor.name, () => {
  it('reads the default table (grade 3 → 0.10) and gives 0 without a grade', () => {
    expect(fixed(optimismBiasFor({ grade: 3, table: DEFAULT_OPTIMISM_BIAS }), 2)).toBe('0.10');
    expect(optimismBiasFor({ grade: null, table: DEFAULT_OPTIMISM_BIAS }).isZero()).toBe(true);
  });
});

describe(applyOptimismBias.name, () => {
  it('reduces the first-year value', () => {
    // 130502.10 × (1 − 0.10) = 117451.89
    expect(fixed(applyOptimismBias({ valueGross: d('130502.10'), optimismBias: d('0.10') }), 2)).toBe('117451.89');
  });
});

describe(valueStream.name, () => {
  it('applies the drop-off each year after the first', () => {
    // 117451.89, × 0.8 = 93961.512, × 0.8 = 75169.2096
    expect(valueStream({ valueYear0: d('117451.89'), dropOff: d('0.20'), years: 3 }).map((value) => value.toFixed(4))).toEqual([
      '117451.8900',
      '93961.5120',
      '75169.2096',
    ]);
  });
});

describe(presentValue.name, () => {
  it('discounts the second year once at 3.2% (convention 0)', () => {
    // 100 + 100 × 0.8 / 1.032 = 177.5193798…
    expect(presentValue({ valueYear0: d('100'), dropOff: d('0.2'), years: 2, rate: d('0.032'), t0: 0 }).toFixed(6)).toBe('177.519380');
  });
  it('discounts the first year too under the SROI convention (t0 = 1)', () => {
    // 100 / 1.032 + 80 / 1.032² = 96.899225 + 75.115678 = 172.014903
    expect(presentValue({ valueYear0: d('100'), dropOff: d('0.2'), years: 2, rate: d('0.032'), t0: 1 }).toFixed(6)).toBe('172.014903');
  });
  it('reproduces T2: 117451.89 + 93961.512 / 1.032 + 75169.2096 / 1.032² = 279079.69', () => {
    expect(presentValue({ valueYear0: d('117451.89'), dropOff: d('0.20'), years: 3, rate: d('0.032'), t0: 0 }).toFixed(2)).toBe('279079.69');
  });
});

describe(presentValueOfStream.name, () => {
  it('is the sum of an undiscounted stream at rate 0', () => {
    expect(presentValueOfStream({ stream: [d(1), d(2), d(3)], rate: d(0), t0: 1 }).toFixed()).toBe('6');
  });
});

describe(costPresentValue.name, () => {
  it('leaves the spend as is with t0 = 0 and discounts it once with t0 = 1', () => {
    // 1032 / 1.032 = 1000
    expect(costPresentValue({ spend: d(1032), rate: d('0.032'), t0: 0 }).toFixed()).toBe('1032');
    expect(costPresentValue({ spend: d(1032), rate: d('0.032'), t0: 1 }).toFixed()).toBe('1000');
  });
});

describe(paybackYears.name, () => {
  it('interpolates inside the year where the running total reaches the spend (T2)', () => {
    // 2 + (276000 − 211413.402) / 75169.2096 = 2.859216
    expect(fixed(paybackYears({ stream: [d('117451.89'), d('93961.512'), d('75169.2096')], spend: d(276000) }))).toBe('2.859216');
  });
  it('is 0 when nothing was spent', () => {
    expect(fixed(paybackYears({ stream: [d(5)], spend: d(0) }))).toBe('0.000000');
  });
  it('is null when never reached within the duration (T1)', () => {
    expect(paybackYears({ stream: [d('112375.68')], spend: d(125000) })).toBeNull();
  });
  it('skips years whose value is not positive', () => {
    // year 0 adds −10, year 1 adds 0, year 2 adds 50: total before = −10, payback = 2 + (20 − (−10)) / 50 = 2.6
    expect(fixed(paybackYears({ stream: [d(-10), d(0), d(50)], spend: d(20) }))).toBe('2.600000');
  });
  it('reaches exactly at the end of a year', () => {
    // 0 + (100 − 0) / 100 = 1
    expect(fixed(paybackYears({ stream: [d(100)], spend: d(100) }))).toBe('1.000000');
  });
});

describe(addStreams.name, () => {
  it('adds streams aligned on their own k = 0', () => {
    expect(addStreams([d(1), d(2), d(3)], [d(10)]).map((value) => value.toFixed())).toEqual(['11', '2', '3']);
  });
});
