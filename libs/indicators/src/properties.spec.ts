import fc from 'fast-check';
import {
  aggregate,
  computeSavings,
  computeScenario,
  d,
  Decimal,
  FormulaError,
  parseFormula,
  parseScenario,
  SavingsAggregate,
  Scenario,
  sumDecimals,
} from './index';

/** Fixed seed: the same cases on every run and on CI. */
const SETTINGS = { seed: 20_240_601, numRuns: 150 };

/** A decimal string with `places` decimals from an integer number of hundredths, ten-thousandths… */
const decimalString = ({ min, max, places }: { min: number; max: number; places: number }): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((units) =>
    d(units)
      .dividedBy(10 ** places)
      .toFixed(places),
  );

const share = decimalString({ min: 0, max: 100, places: 2 });

/** Integer percentages summing to 100, as shares (`"0.35"`). */
const sharesSummingToOne = (count: number): fc.Arbitrary<string[]> =>
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: count - 1, maxLength: count - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
    return sorted.slice(1).map((cut, index) =>
      d(cut - sorted[index])
        .dividedBy(100)
        .toFixed(2),
    );
  });

const PAYER_CODES = ['ASSURANCE_MALADIE', 'DEPARTEMENT', 'COMMUNE_CCAS', 'ETAT', 'USAGER'];

const unitCostArb = (code: string) =>
  fc
    .record({
      amount: decimalString({ min: 0, max: 500_000, places: 2 }),
      payerShares: sharesSummingToOne(PAYER_CODES.length),
      cashableShare: share,
      priceYear: fc.constantFrom(2012, 2024),
    })
    .map((raw) => ({
      code,
      amount: raw.amount,
      priceYear: raw.priceYear,
      payers: Object.fromEntries(PAYER_CODES.map((payer, index) => [payer, raw.payerShares[index]])),
      cashableShare: raw.cashableShare,
    }));

const outcomeArb = (code: string) =>
  fc
    .record({
      counterfactual: fc.boolean(),
      rateWithout: decimalString({ min: 0, max: 100, places: 2 }),
      rateWith: decimalString({ min: 0, max: 100, places: 2 }),
      engagement: share,
      deadweight: share,
      attribution: share,
      displacement: share,
      quantityPerEvent: decimalString({ min: 0, max: 5000, places: 1 }),
      mix: sharesSummingToOne(2),
      grade: fc.constantFrom(1, 2, 3, 4, 5, 6, undefined),
      durationYears: fc.integer({ min: 1, max: 5 }),
      dropOff: share,
    })
    .map((raw) => ({
      code,
      mode: raw.counterfactual ? 'counterfactual' : 'observed',
      ...(raw.counterfactual ? { rateWithout: raw.rateWithout, rateWith: raw.rateWith, engagement: raw.engagement } : { deadweight: raw.deadweight }),
      attribution: raw.attribution,
      displacement: raw.displacement,
      quantityPerEvent: raw.quantityPerEvent,
      unitCost: [
        { code: 'C1', share: raw.mix[0] },
        { code: 'C2', share: raw.mix[1] },
      ],
      ...(raw.grade === undefined ? {} : { grade: raw.grade }),
      durationYears: raw.durationYears,
      dropOff: raw.dropOff,
    }));

const monthFigures = fc.record({
  personMonths: fc.integer({ min: 0, max: 5000 }),
  spend: fc.integer({ min: 0, max: 2_000_000 }),
  observedA: fc.integer({ min: 0, max: 100 }),
  observedB: fc.integer({ min: 0, max: 100 }),
});

/** A random valid scenario: two services, two outcomes each, 1–4 months of figures, two unit costs; figures multiplied by `scale`. */
const scenarioArb = fc.record({
  costs: fc.tuple(unitCostArb('C1'), unitCostArb('C2')),
  outcomes: fc.tuple(outcomeArb('A'), outcomeArb('B'), outcomeArb('A'), outcomeArb('B')),
  months: fc.array(fc.tuple(monthFigures, monthFigures), { minLength: 1, maxLength: 4 }),
  discountRate: decimalString({ min: 0, max: 80, places: 3 }),
  discountConvention: fc.constantFrom(0, 1),
});

type ScenarioSeed = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

const buildScenario = (seed: ScenarioSeed, scale = 1): Scenario => {
  const figures = seed.months.flatMap((pair, monthIndex) =>
    pair.flatMap((month, serviceIndex) => {
      const service = serviceIndex === 0 ? 'S1' : 'S2';
      const period = `2024-${String(monthIndex + 1).padStart(2, '0')}`;
      return [
        { service, period, metric: 'person_months', value: String(month.personMonths * scale) },
        { service, period, metric: 'spend', value: String(month.spend * scale) },
        { service, period, metric: 'observed.A', value: String(month.observedA * scale) },
        { service, period, metric: 'observed.B', value: String(month.observedB * scale) },
      ];
    }),
  );
  const parsed = parseScenario({
    format: 'levier-scenario/1',
    methodology: {
      baseYear: 2024,
      discountRate: seed.discountRate,
      discountConvention: seed.discountConvention,
      priceIndex: { '2012': '98.4', '2024': '118.6' },
    },
    unitCosts: seed.costs,
    services: [
      { code: 'S1', outcomes: [seed.outcomes[0], seed.outcomes[1]] },
      { code: 'S2', outcomes: [seed.outcomes[2], seed.outcomes[3]] },
    ],
    figures,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
};

const totalOf = (scenario: Scenario): SavingsAggregate => aggregate(computeSavings({ scenario, rangeCase: 'central' }).map((row) => row.cell));

const EPSILON = d('1e-20');
const close = (left: Decimal | null, right: Decimal | null): boolean =>
  left === null || right === null
    ? left === right
    : left
        .minus(right)
        .abs()
        .lte(EPSILON.times(Decimal.max(1, left.abs(), right.abs())));

describe('savings properties (fast-check, fixed seed)', () => {
  it('scaling exposure, observed counts and spend by k scales money by k and leaves ratios unchanged', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 2, max: 1000 }), (seed, k) => {
        const base = totalOf(buildScenario(seed));
        const scaled = totalOf(buildScenario(seed, k));
        for (const key of ['grossSavings', 'cost', 'cashable', 'nonCashable', 'eventsNet'] as const) expect(close(scaled[key], base[key].times(k))).toBe(true);
        expect(close(scaled.netSavings, base.netSavings.times(k))).toBe(true);
        expect(close(scaled.offsetRatio, base.offsetRatio)).toBe(true);
        expect(close(scaled.costPerEventAvoided, base.costPerEventAvoided)).toBe(true);
        expect(close(scaled.paybackYears, base.paybackYears)).toBe(true);
      }),
      SETTINGS,
    );
  });

  it('payer shares add up to the gross savings, and cashable + nonCashable = gross, at every level', () => {
    fc.assert(
      fc.property(scenarioArb, (seed) => {
        const rows = computeSavings({ scenario: buildScenario(seed), rangeCase: 'central' });
        for (const cell of [...rows.map((row) => row.cell), totalOf(buildScenario(seed))]) {
          expect(close(sumDecimals(Object.values(cell.byPayer)), cell.grossSavings)).toBe(true);
          expect(close(cell.cashable.plus(cell.nonCashable), cell.grossSavings)).toBe(true);
        }
      }),
      SETTINGS,
    );
  });

  it('rounded output keeps the splits within a cent per payer', () => {
    fc.assert(
      fc.property(scenarioArb, (seed) => {
        const { totals } = computeScenario(buildScenario(seed));
        const payers = sumDecimals(Object.values(totals.byPayer).map((amount) => d(amount ?? '0')));
        expect(
          payers
            .minus(totals.grossSavings)
            .abs()
            .lte(d('0.01').times(Object.keys(totals.byPayer).length)),
        ).toBe(true);
        expect(d(totals.cashable).plus(totals.nonCashable).minus(totals.grossSavings).abs().lte(d('0.01'))).toBe(true);
      }),
      SETTINGS,
    );
  });

  it('aggregated ratios are ratios of sums, and aggregating aggregates (an org-unit tree) gives the same totals', () => {
    fc.assert(
      fc.property(scenarioArb, (seed) => {
        const rows = computeSavings({ scenario: buildScenario(seed), rangeCase: 'central' });
        const total = aggregate(rows.map((row) => row.cell));
        const gross = sumDecimals(rows.map((row) => row.cell.grossSavings));
        const cost = sumDecimals(rows.map((row) => row.cell.cost));
        const events = sumDecimals(rows.map((row) => row.cell.eventsNet));
        expect(close(total.offsetRatio, cost.isZero() ? null : gross.dividedBy(cost))).toBe(true);
        expect(close(total.costPerEventAvoided, events.isZero() ? null : cost.dividedBy(events))).toBe(true);
        const byService = ['S1', 'S2'].map((service) => aggregate(rows.filter((row) => row.service === service).map((row) => row.cell)));
        const tree = aggregate(byService);
        for (const key of ['grossSavings', 'cost', 'netSavings', 'offsetRatio', 'costPerEventAvoided', 'paybackYears', 'cashable'] as const) {
          expect(close(tree[key], total[key])).toBe(true);
        }
      }),
      SETTINGS,
    );
  });
});

describe(`${parseFormula.name} robustness (fast-check, fixed seed)`, () => {
  const grammarChars = fc.constantFrom(
    ...'0123456789.+-*/(),<>=!# {}abcdefghimnopstuxMS_'.split(''),
    'sum(',
    'min(',
    'max(',
    'if(',
    'isMissing(',
    '#{a}',
    '#{hours.x}',
    ' ',
  );

  const onlyFormulaErrors = (source: string): void => {
    try {
      parseFormula(source);
    } catch (error) {
      expect(error).toBeInstanceOf(FormulaError);
      if (error instanceof FormulaError) {
        expect(Number.isInteger(error.position)).toBe(true);
        expect(error.position).toBeGreaterThanOrEqual(0);
        expect(error.position).toBeLessThanOrEqual(source.length);
        expect(error.message.length).toBeGreaterThan(0);
      }
    }
  };

  it('never throws anything but a FormulaError on strings made of the grammar', () => {
    fc.assert(fc.property(fc.string({ unit: grammarChars, maxLength: 60 }), onlyFormulaErrors), { ...SETTINGS, numRuns: 3000 });
  });

  it('never throws anything but a FormulaError on arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), onlyFormulaErrors), { ...SETTINGS, numRuns: 1000 });
  });

  it('never throws anything but a FormulaError on deep nesting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.constantFrom('(', '-', 'sum(', 'if(1<2,'), (depth, opener) =>
        onlyFormulaErrors(`${opener.repeat(depth)}1`),
      ),
      { ...SETTINGS, numRuns: 50 },
    );
  });
});
