import { comparePeriods, containingQuarter, containingYear, listMonths, monthsInPeriod, monthsOf, periodContains } from './calendar';
import { formatPeriod, granularityOf, isPeriodCode, parsePeriod } from './period';

describe(parsePeriod.name, () => {
  it.each([
    ['2024', { granularity: 'year', year: 2024 }],
    ['2024-Q3', { granularity: 'quarter', year: 2024, quarter: 3 }],
    ['2024-03', { granularity: 'month', year: 2024, month: 3 }],
  ])('reads %s', (code, period) => {
    expect(parsePeriod(code)).toEqual({ ok: true, period });
  });
  it.each(['2024-Q5', '2024-13', '2024-3', '24', '2024-T1', '0999', ' 2024', '2024-00'])('rejects %p with a French message', (code) => {
    const sut = parsePeriod(code);
    expect(sut.ok).toBe(false);
    if (!sut.ok) expect(sut.message).toMatch(/invalide/);
  });
  it('round-trips through formatPeriod', () => {
    for (const code of ['2024', '2024-Q1', '2024-12']) {
      const sut = parsePeriod(code);
      expect(sut.ok && formatPeriod(sut.period)).toBe(code);
    }
  });
});

describe(isPeriodCode.name, () => {
  it('tells valid codes apart', () => {
    expect(isPeriodCode('2024-Q4')).toBe(true);
    expect(isPeriodCode('Q4-2024')).toBe(false);
  });
});

describe(granularityOf.name, () => {
  it('gives the granularity', () => expect(granularityOf('2024-07')).toBe('month'));
});

describe(monthsInPeriod.name, () => {
  it('counts 12, 3 and 1 months', () => {
    expect([monthsInPeriod('2024'), monthsInPeriod('2024-Q2'), monthsInPeriod('2024-02')]).toEqual([12, 3, 1]);
  });
});

describe(containingQuarter.name, () => {
  it('maps months to quarters', () => {
    // month 5 → quarter floor((5 − 1) / 3) + 1 = 2
    expect(containingQuarter('2024-05')).toBe('2024-Q2');
    expect(containingQuarter('2024-12')).toBe('2024-Q4');
    expect(containingQuarter('2024-Q3')).toBe('2024-Q3');
    expect(containingQuarter('2024')).toBeNull();
  });
});

describe(containingYear.name, () => {
  it('maps any period to its year', () => expect(containingYear('2023-Q4')).toBe('2023'));
});

describe(monthsOf.name, () => {
  it('lists the months of a quarter', () => expect(monthsOf('2024-Q2')).toEqual(['2024-04', '2024-05', '2024-06']));
});

describe(listMonths.name, () => {
  it('crosses a year boundary', () => {
    expect(listMonths({ from: '2023-11', to: '2024-02' })).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
  it('expands coarse bounds to their months', () => {
    expect(listMonths({ from: '2024-Q4', to: '2024-Q4' })).toEqual(['2024-10', '2024-11', '2024-12']);
    expect(listMonths({ from: '2024', to: '2024' })).toHaveLength(12);
  });
  it('is empty for a reversed range', () => expect(listMonths({ from: '2024-05', to: '2024-01' })).toEqual([]));
});

describe(comparePeriods.name, () => {
  it('sorts chronologically, coarser first on the same start', () => {
    const sut = ['2024-02', '2024-Q1', '2023', '2024', '2024-01', '2023-Q4'].sort(comparePeriods);
    expect(sut).toEqual(['2023', '2023-Q4', '2024', '2024-Q1', '2024-01', '2024-02']);
  });
});

describe(periodContains.name, () => {
  it('knows what lies inside', () => {
    expect(periodContains({ outer: '2024', inner: '2024-Q2' })).toBe(true);
    expect(periodContains({ outer: '2024-Q2', inner: '2024-07' })).toBe(false);
  });
});
