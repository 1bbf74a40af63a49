import { d, Decimal } from '../money/decimal';
import { Payer } from '../scenario/scenario.types';
import { aggregateConventions2 } from './aggregate-conventions-2';
import { EMPTY_CELL } from './aggregate';
import { costByPayer } from './cost-by-payer';
import { addEventsByOutcome, comparableEventsNet } from './events-by-outcome';
import { harmAwareBiasFactor } from './harm-bias-factor';
import { netUnitCost } from './net-unit-cost';
import { computeOutcomePeriodConventions2 } from './outcome-period-conventions-2';
import { payerLedger } from './payer-ledger';
import { presentValueFactor } from './present-value-factor';
import { publicFigures } from './public-figures';
import { SavingsCell } from './savings.types';
import { compareCodePoints, sensitivityEntry, sortSensitivity } from './sensitivity';
import { signedComponents, splitSignedParts } from './signed-parts';
import { constantEurosSpend, spendConversionFactor } from './spend-in-constant-euros';
import { mixUnitCost, UnitCostComponent } from './unit-cost';

const money = (value: Decimal | undefined): string | undefined => value?.toFixed(2);
const moneyMap = (record: Readonly<Partial<Record<Payer, Decimal>>>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, (value as Decimal).toFixed(2)]));

const component = (overrides: Partial<UnitCostComponent> & Pick<UnitCostComponent, 'code' | 'indexedAmount' | 'payers'>): UnitCostComponent => ({
  share: d(1),
  cashableShare: d(1),
  ...overrides,
});

/** EHPAD day 120.392 (AM 0.32, DEP 0.18, USAGER 0.50, cashable 0.5) and a day at home 47.68 (DEP 0.55, AM 0.35, USAGER 0.10, cashable 0.65). */
const ehpadDay = mixUnitCost([
  component({
    code: 'EHPAD',
    indexedAmount: d('120.392'),
    payers: { ASSURANCE_MALADIE: d('0.32'), DEPARTEMENT: d('0.18'), USAGER: d('0.50') },
    cashableShare: d('0.5'),
  }),
]);
const homeDay = mixUnitCost([
  component({
    code: 'HOME',
    indexedAmount: d('47.68'),
    payers: { DEPARTEMENT: d('0.55'), ASSURANCE_MALADIE: d('0.35'), USAGER: d('0.10') },
    cashableShare: d('0.65'),
  }),
]);

describe(harmAwareBiasFactor.name, () => {
  it('reduces a gain by the optimism bias', () => {
    // 1 − 0.10 = 0.90
    expect(harmAwareBiasFactor({ valueGross: d('2402.40'), optimismBias: d('0.10') }).toFixed()).toBe('0.9');
  });
  it('does not shrink a harm, nor a zero value', () => {
    // value_gross = −1638 ≤ 0 → factor 1, value_year0 = −1638 (not −1474.20)
    expect(harmAwareBiasFactor({ valueGross: d(-1638), optimismBias: d('0.10') }).toFixed()).toBe('1');
    expect(harmAwareBiasFactor({ valueGross: d(0), optimismBias: d('0.10') }).toFixed()).toBe('1');
  });
});

describe(netUnitCost.name, () => {
  it('subtracts the substitution cost', () => {
    // 120.392 − 47.68 = 72.712
    expect(netUnitCost({ unitCost: ehpadDay, substitution: homeDay }).toFixed()).toBe('72.712');
  });
  it('is the unit cost without substitution', () => {
    expect(netUnitCost({ unitCost: ehpadDay, substitution: null }).toFixed()).toBe('120.392');
  });
});

describe(presentValueFactor.name, () => {
  it('sums the discounted, eroded years of one euro', () => {
    // 1 + 0.8 / 1.032 = 1.775193798…
    expect(presentValueFactor({ dropOff: d('0.2'), years: 2, rate: d('0.032'), t0: 0 }).toFixed(6)).toBe('1.775194');
  });
});

describe(splitSignedParts.name, () => {
  it('gives each payer its signed part of one avoided day: the département loses, the others save', () => {
    // AM 38.52544 − 16.688 = 21.83744 ; DEP 21.67056 − 26.224 = −4.55344 ; USAGER 60.196 − 4.768 = 55.428 (Σ 72.712)
    // cashable 60.196 − 30.992 = 29.204
    const sut = splitSignedParts({ components: signedComponents({ unitCost: ehpadDay, substitution: homeDay }), scale: d(1) });
    expect(Object.fromEntries(Object.entries(sut.byPayer).map(([payer, value]) => [payer, (value as Decimal).toFixed()]))).toEqual({
      ASSURANCE_MALADIE: '21.83744',
      DEPARTEMENT: '-4.55344',
      USAGER: '55.428',
    });
    expect(sut.cashable.toFixed()).toBe('29.204');
  });
  it('moves money between payers when the net unit cost is exactly 0', () => {
    // 100 paid by AM avoided, 100 paid by USAGER instead: AM +100 × 10, USAGER −100 × 10, total 0
    const avoided = mixUnitCost([component({ code: 'A', indexedAmount: d(100), payers: { ASSURANCE_MALADIE: d(1) } })]);
    const instead = mixUnitCost([component({ code: 'B', indexedAmount: d(100), payers: { USAGER: d(1) } })]);
    const sut = splitSignedParts({ components: signedComponents({ unitCost: avoided, substitution: instead }), scale: d(10) });
    expect(moneyMap(sut.byPayer)).toEqual({ ASSURANCE_MALADIE: '1000.00', USAGER: '-1000.00' });
    expect(sut.cashable.toFixed()).toBe('0');
  });
  it('keeps a payer listed with a share of 0, with 0', () => {
    const unitCost = mixUnitCost([component({ code: 'A', indexedAmount: d(10), payers: { ETAT: d(1), CAF: d(0) } })]);
    expect(moneyMap(splitSignedParts({ components: signedComponents({ unitCost, substitution: null }), scale: d(2) }).byPayer)).toEqual({
      ETAT: '20.00',
      CAF: '0.00',
    });
  });
});

describe(computeOutcomePeriodConventions2.name, () => {
  it('reproduces 2023 of v2-domicile-substitution: net unit cost, bias on a gain, signed payers', () => {
    // 84 py × 0.90 × 0.13 = 9.828 ; × 0.80 = 7.8624 ; × 182.5 = 1434.888 days ; × 72.712 = 104333.5763 ; × 0.90 = 93900.2186
    // DEP = 1434.888 × 0.90 × −4.55344 = −5880.31
    const sut = computeOutcomePeriodConventions2({
      outcome: {
        mode: 'counterfactual',
        rateWithout: d('0.25'),
        rateWith: d('0.12'),
        engagement: d('0.90'),
        attribution: d('0.20'),
        displacement: d(0),
        quantityPerEvent: d('182.5'),
        optimismBias: d('0.10'),
        durationYears: 1,
        dropOff: d(0),
      },
      unitCost: ehpadDay,
      substitution: homeDay,
      figures: { personMonths: d(1008), beneficiaries: null, monthsInPeriod: 12, observed: null },
      discount: { rate: d('0.032'), t0: 0 },
    });
    expect([sut.unitCost.toFixed(), money(sut.valueGross), money(sut.presentValue), money(sut.byPayer.DEPARTEMENT)]).toEqual([
      '72.712',
      '104333.58',
      '93900.22',
      '-5880.31',
    ]);
    expect(sut.cashable.plus(sut.nonCashable).eq(sut.presentValue)).toBe(true);
  });
  it('does not shrink a harm: an observed −15 ER visits keeps its full cost', () => {
    // −15 × 0.8 × 0.7 = −8.4 events × 195 = −1638 ; grade bias 0.10 not applied → value_year0 = −1638, AM −1474.20, USAGER −163.80
    const sut = computeOutcomePeriodConventions2({
      outcome: {
        mode: 'observed',
        deadweight: d('0.20'),
        attribution: d('0.30'),
        displacement: d(0),
        quantityPerEvent: d(1),
        optimismBias: d('0.10'),
        durationYears: 1,
        dropOff: d(0),
      },
      unitCost: mixUnitCost([component({ code: 'URG', indexedAmount: d(195), payers: { ASSURANCE_MALADIE: d('0.90'), USAGER: d('0.10') } })]),
      substitution: null,
      figures: { personMonths: null, beneficiaries: null, monthsInPeriod: 3, observed: d(-15) },
      discount: { rate: d('0.032'), t0: 0 },
    });
    expect([sut.eventsNet.toFixed(), money(sut.valueYear0), money(sut.byPayer.ASSURANCE_MALADIE), money(sut.byPayer.USAGER)]).toEqual([
      '-8.4',
      '-1638.00',
      '-1474.20',
      '-163.80',
    ]);
  });
});

describe(constantEurosSpend.name, () => {
  it('brings a 2023 spend to 2024 euros like a unit cost', () => {
    // 180000 × 119.2 / 116.9 = 183541.4885
    const priceIndex = { 2023: d('116.9'), 2024: d('119.2') };
    expect(constantEurosSpend({ spend: d(180000), year: 2023, baseYear: 2024, priceIndex }).toFixed(4)).toBe('183541.4885');
    expect(spendConversionFactor({ year: 2023, baseYear: 2024, priceIndex }).toFixed(6)).toBe('1.019675');
  });
  it('needs no index in the base year and throws on a missing one', () => {
    expect(spendConversionFactor({ year: 2024, baseYear: 2024, priceIndex: {} }).toFixed()).toBe('1');
    expect(() => constantEurosSpend({ spend: d(1), year: 2022, baseYear: 2024, priceIndex: { 2024: d(1) } })).toThrow(/2022/);
  });
});

describe(costByPayer.name, () => {
  it('splits the cost by funding shares, keeping a zero share', () => {
    // 74000 × 0.60 = 44400 ; × 0.40 = 29600 ; × 0 = 0
    expect(moneyMap(costByPayer({ cost: d(74000), funding: { ARS: d('0.60'), COMMUNE_CCAS: d('0.40'), CAF: d(0) } }))).toEqual({
      ARS: '44400.00',
      COMMUNE_CCAS: '29600.00',
      CAF: '0.00',
    });
  });
});

describe(payerLedger.name, () => {
  it('lists every payer of either side in payer order, a missing side as 0', () => {
    // ETAT 8280 − 0 ; COMMUNE_CCAS 0 − 14000
    const sut = payerLedger({ byPayer: { ETAT: d(8280) }, costByPayer: { COMMUNE_CCAS: d(14000) } });
    expect(Object.keys(sut)).toEqual(['COMMUNE_CCAS', 'ETAT']);
    expect([money(sut.ETAT?.net), money(sut.COMMUNE_CCAS?.avoided), money(sut.COMMUNE_CCAS?.net)]).toEqual(['8280.00', '0.00', '-14000.00']);
  });
});

describe(publicFigures.name, () => {
  it('leaves out what households would have paid and what they pay', () => {
    // publicSavings = 196743.3152 − 149976.4616 = 46766.8536 ; publicCost = 378541.4885 − 56781.2233 = 321760.2652 ; ratio 0.145347
    const sut = publicFigures({
      grossSavings: d('196743.3152'),
      cost: d('378541.4885'),
      byPayer: { USAGER: d('149976.4616') },
      costByPayer: { USAGER: d('56781.2233') },
    });
    expect([money(sut.publicSavings), money(sut.publicCost), money(sut.publicNetSavings), sut.publicOffsetRatio?.toFixed(6)]).toEqual([
      '46766.85',
      '321760.27',
      '-274993.41',
      '0.145347',
    ]);
  });
  it('gives a null ratio when households pay the whole cost', () => {
    expect(publicFigures({ grossSavings: d(10), cost: d(5), byPayer: {}, costByPayer: { USAGER: d(5) } }).publicOffsetRatio).toBeNull();
  });
});

describe(comparableEventsNet.name, () => {
  it('adds events of one kind only', () => {
    // URGENCES −8.4 and HOSPITALISATION 0.7378 are not added into −7.6622
    expect(comparableEventsNet({ eventsNet: d('-7.6622'), eventsByOutcome: { URGENCES: d('-8.4'), HOSPITALISATION: d('0.7378') } })).toBeNull();
    expect(comparableEventsNet({ eventsNet: d('0.615'), eventsByOutcome: { HOSPITALISATION: d('0.615') } })?.toFixed()).toBe('0.615');
  });
  it('merges by code, keeping zeros', () => {
    const sut = addEventsByOutcome({ A: d(1), B: d(0) }, { A: d(2), C: d(3) });
    expect(Object.fromEntries(Object.entries(sut).map(([k, v]) => [k, v.toFixed()]))).toEqual({ A: '3', B: '0', C: '3' });
  });
});

describe(aggregateConventions2.name, () => {
  const cell = (overrides: Partial<SavingsCell>): SavingsCell => ({ ...EMPTY_CELL, costByPayer: {}, eventsByOutcome: {}, ...overrides });
  it('nulls the cost per event over unlike events and adds the ledger and public figures', () => {
    // cost 36000 + 9000 = 45000 ; events URGENCES 1 + HOSPITALISATION 2: more than one kind → null
    const sut = aggregateConventions2([
      cell({ cost: d(36000), spend: d(36000), eventsNet: d(1), eventsByOutcome: { URGENCES: d(1) }, costByPayer: { ARS: d(36000) } }),
      cell({ cost: d(9000), spend: d(9000), eventsNet: d(2), eventsByOutcome: { HOSPITALISATION: d(2) }, costByPayer: { ARS: d(9000) } }),
    ]);
    expect([sut.comparableEventsNet, sut.costPerEventAvoided, money(sut.ledger.ARS?.net), money(sut.publicCost)]).toEqual([
      null,
      null,
      '-45000.00',
      '45000.00',
    ]);
  });
  it('keeps the cost per event of one kind', () => {
    // 18500 / 0.615 = 30081.30
    const sut = aggregateConventions2([cell({ cost: d(18500), spend: d(18500), eventsNet: d('0.615'), eventsByOutcome: { HOSPITALISATION: d('0.615') } })]);
    expect(money(sut.costPerEventAvoided ?? undefined)).toBe('30081.30');
  });
});

describe(sortSensitivity.name, () => {
  it('sorts by unrounded swing descending, then parameter name in code-point order', () => {
    // b and a have equal swings 10 → a before b ; "B" (U+0042) before "a" (U+0061) in code-point order ; 10.004 > 10.001 though both round to 10.00
    const sut = sortSensitivity([
      sensitivityEntry({ parameter: 'x', low: d(0), high: d('10.001') }),
      sensitivityEntry({ parameter: 'b', low: d(0), high: d(10) }),
      sensitivityEntry({ parameter: 'a', low: d(5), high: d(-5) }),
      sensitivityEntry({ parameter: 'y', low: d(0), high: d('10.004') }),
      sensitivityEntry({ parameter: 'B', low: d(1), high: d(11) }),
      sensitivityEntry({ parameter: 'unused', low: d(3), high: d(3) }),
    ]);
    expect(sut.map((entry) => entry.parameter)).toEqual(['y', 'x', 'B', 'a', 'b', 'unused']);
    expect(sut[3].swing.toFixed()).toBe('10');
  });
  it('compares code points, not UTF-16 units', () => {
    // U+FF5E (one unit 0xFF5E) < U+1F600 (surrogates 0xD83D…), though 0xD83D < 0xFF5E as code units
    expect(compareCodePoints('\uFF5E', '\u{1F600}')).toBeLessThan(0);
    expect('\uFF5E' < '\u{1F600}').toBe(false);
  });
});
