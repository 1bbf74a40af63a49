import { d } from '../money/decimal';
import { BudgetTransfer, ReallocationInput, Redeployment } from '../scenario/scenario.types';
import { computeReallocation } from './compute-reallocation';
import { fongibiliteFlags, fongibiliteOverLimit, fongibiliteRate, fongibiliteVolume } from './fongibilite';
import { fteDays, fteYears } from './fte';
import { inKindValue } from './in-kind-value';
import { leadTimeDays, median, nearestRankPercentile } from './lead-time';
import { distinctAgents, mobilisationRate } from './mobilisation';
import { criticalCoverage, needCoverage } from './need-coverage';
import { netFlowByFunction } from './net-flow';
import { redeploymentValue } from './redeployment-value';
import { volunteerShare } from './volunteer-share';

const redeployment = (overrides: Partial<Redeployment>): Redeployment => ({
  agent: 'a',
  need: null,
  fromService: null,
  toService: null,
  workingDays: d(10),
  quotite: d(1),
  requestDate: '2024-01-01',
  startDate: '2024-01-02',
  volunteer: true,
  dailyCost: d(100),
  ...overrides,
});

const transfer = (overrides: Partial<BudgetTransfer>): BudgetTransfer => ({
  code: 't',
  instrument: 'FONGIBILITE',
  from: { chapter: '011', function: '423' },
  to: { chapter: '65', function: '424' },
  amount: d(100),
  ...overrides,
});

describe(fteDays.name, () => {
  it('is workingDays × quotite', () => {
    // 20 × 0.8 = 16
    expect(fteDays({ workingDays: d(20), quotite: d('0.8') }).toFixed()).toBe('16');
  });
});

describe(fteYears.name, () => {
  it('divides by the working days per FTE', () => {
    // 56 / 228 = 0.245614
    expect(fteYears({ fteDays: d(56), workingDaysPerFte: d(228) }).toFixed(6)).toBe('0.245614');
  });
});

describe(distinctAgents.name, () => {
  it('counts an agent redeployed twice once', () => {
    expect(distinctAgents([{ agent: 'a' }, { agent: 'b' }, { agent: 'a' }])).toBe(2);
  });
});

describe(mobilisationRate.name, () => {
  it('divides agents by headcount, null without headcount', () => {
    // 4 / 200 = 0.02
    expect(mobilisationRate({ agents: 4, headcount: 200 })?.toFixed(6)).toBe('0.020000');
    expect(mobilisationRate({ agents: 4, headcount: null })).toBeNull();
  });
});

describe(leadTimeDays.name, () => {
  it('counts calendar days, across a month end and a DST change', () => {
    // 2024-03-30 → 2024-04-02: 3 days (Europe/Paris changes time on 31 March; plain dates ignore it)
    expect(leadTimeDays({ requestDate: '2024-03-30', startDate: '2024-04-02' })).toBe(3);
  });
});

describe(median.name, () => {
  it('takes the middle value of an odd count', () => {
    // sorted 1, 2, 3, 4, 7 → 3
    expect(median([2, 4, 1, 7, 3])?.toFixed()).toBe('3');
  });
  it('takes the mean of the two middle values of an even count', () => {
    // sorted 1, 2, 3, 4 → (2 + 3) / 2 = 2.5
    expect(median([4, 1, 3, 2])?.toFixed()).toBe('2.5');
  });
  it('is null without values', () => expect(median([])).toBeNull());
});

describe(nearestRankPercentile.name, () => {
  it('takes rank ceil(0.9 × n)', () => {
    // n = 5: rank ceil(4.5) = 5 → 7 ; n = 10: rank 9 → 9
    expect(nearestRankPercentile({ values: [2, 4, 1, 7, 3], percentile: d('0.9') })?.toFixed()).toBe('7');
    expect(nearestRankPercentile({ values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], percentile: d('0.9') })?.toFixed()).toBe('9');
  });
});

describe(needCoverage.name, () => {
  it('caps at 1 and is null without a request', () => {
    // min(1, 36 / 60) = 0.6 ; min(1, 30 / 20) = 1
    expect(needCoverage({ supplied: d(36), requested: d(60) })?.toFixed(6)).toBe('0.600000');
    expect(needCoverage({ supplied: d(30), requested: d(20) })?.toFixed(6)).toBe('1.000000');
    expect(needCoverage({ supplied: d(3), requested: d(0) })).toBeNull();
  });
});

describe(criticalCoverage.name, () => {
  it('pools critical needs with each supply capped at its request', () => {
    // (min(36, 60) + min(30, 20)) / (60 + 20) = 56 / 80 = 0.7
    expect(
      criticalCoverage([
        { supplied: d(36), requested: d(60) },
        { supplied: d(30), requested: d(20) },
      ])?.toFixed(6),
    ).toBe('0.700000');
    expect(criticalCoverage([])).toBeNull();
  });
});

describe(volunteerShare.name, () => {
  it('divides volunteer FTE-days by FTE-days', () => {
    // 46 / 56 = 0.821429
    expect(volunteerShare({ volunteerFteDays: d(46), fteDays: d(56) })?.toFixed(6)).toBe('0.821429');
  });
});

describe(redeploymentValue.name, () => {
  it('is Σ FTE-days × daily cost', () => {
    // 16 × 180 + 5 × 200 = 2880 + 1000 = 3880
    expect(
      redeploymentValue([
        { fteDays: d(16), dailyCost: d(180) },
        { fteDays: d(5), dailyCost: d(200) },
      ]).toFixed(),
    ).toBe('3880');
  });
});

describe(fongibiliteVolume.name, () => {
  it('counts only allowed FONGIBILITE transfers', () => {
    // 100 (allowed) ; 50 from chapter 012: excluded ; 70 by décision modificative: never counted
    const transfers = [
      transfer({ code: 'a' }),
      transfer({ code: 'b', amount: d(50), from: { chapter: '012', function: null }, to: { chapter: '65', function: null } }),
      transfer({ code: 'c', instrument: 'DECISION_MODIFICATIVE', amount: d(70) }),
    ];
    expect(fongibiliteVolume(transfers).toFixed()).toBe('100');
    expect(fongibiliteFlags(transfers)).toEqual([{ transfer: 'b', reason: 'PERSONNEL_EXCLUDED' }]);
  });
  it('never flags other instruments touching chapter 012', () => {
    expect(fongibiliteFlags([transfer({ instrument: 'VIREMENT_INTERNE', to: { chapter: '012', function: '424' } })])).toEqual([]);
  });
});

describe(fongibiliteRate.name, () => {
  it('divides the volume by the real expenditure', () => {
    // 250000 / 10000000 = 0.025
    expect(fongibiliteRate({ volume: d(250000), realExpenditure: d(10000000) })?.toFixed(6)).toBe('0.025000');
  });
});

describe(fongibiliteOverLimit.name, () => {
  it('is strictly above the limit', () => {
    expect(fongibiliteOverLimit({ rate: d('0.075'), limit: d('0.075') })).toBe(false);
    expect(fongibiliteOverLimit({ rate: d('0.0751'), limit: d('0.075') })).toBe(true);
  });
});

describe(netFlowByFunction.name, () => {
  it('nets inflows and outflows per function, summing to 0', () => {
    // 423 → 424 for 100, 33 → 423 for 30: 423 = −100 + 30 = −70 ; 424 = +100 ; 33 = −30 ; Σ = 0
    const sut = netFlowByFunction([
      transfer({ amount: d(100) }),
      transfer({ instrument: 'VIREMENT_INTERNE', from: { chapter: '65', function: '33' }, to: { chapter: '65', function: '423' }, amount: d(30) }),
    ]);
    expect(Object.fromEntries(Object.entries(sut).map(([fn, amount]) => [fn, amount.toFixed()]))).toEqual({ 423: '-70', 424: '100', 33: '-30' });
    expect(
      Object.values(sut)
        .reduce((total, amount) => total.plus(amount), d(0))
        .isZero(),
    ).toBe(true);
  });
});

describe(inKindValue.name, () => {
  it('is Σ days × quantity × daily value', () => {
    // 30 × 2 × 45 + 60 × 12 × 1.50 = 2700 + 1080 = 3780
    expect(
      inKindValue([
        { days: d(30), quantity: d(2), dailyValue: d(45) },
        { days: d(60), quantity: d(12), dailyValue: d('1.50') },
      ]).toFixed(),
    ).toBe('3780');
  });
});

describe(computeReallocation.name, () => {
  const input = (overrides: Partial<ReallocationInput>): ReallocationInput => ({
    workingDaysPerFte: d(228),
    headcount: null,
    needs: [],
    redeployments: [],
    budget: null,
    transfers: [],
    inKindLoans: [],
    ...overrides,
  });

  it('gives nulls, not zeros, where a ratio has nothing to divide by', () => {
    const sut = computeReallocation(input({}));
    expect([sut.mobilisationRate, sut.leadTimeMedianDays, sut.criticalCoverage, sut.volunteerShare, sut.fongibiliteRate, sut.fongibiliteOverLimit]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(sut.fteDays.isZero()).toBe(true);
  });
  it('covers needs from the redeployments pointing at them', () => {
    // N1 requested 40: 10 + 10 × 0.5 = 15 supplied → 0.375
    const sut = computeReallocation(
      input({
        needs: [{ code: 'N1', label: '', critical: true, fteDaysRequested: d(40) }],
        redeployments: [redeployment({ need: 'N1' }), redeployment({ agent: 'b', need: 'N1', quotite: d('0.5') })],
      }),
    );
    expect(sut.needCoverage.N1?.toFixed(6)).toBe('0.375000');
    expect(sut.criticalCoverage?.toFixed(6)).toBe('0.375000');
  });
});
