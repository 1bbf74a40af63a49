import { defaultScope, isPeriod, periodKind, scopeFromSearch, scopeToSearch, validateScope } from './scope';

const fallback = { orgUnit: '', from: '2025-03', to: '2026-02' };

describe(defaultScope.name, () => {
  it('covers the twelve last complete months', () => {
    expect(defaultScope(new Date(2026, 2, 15))).toEqual({ orgUnit: '', from: '2025-03', to: '2026-02' });
  });

  it('crosses the year boundary in January', () => {
    expect(defaultScope(new Date(2026, 0, 10))).toEqual({ orgUnit: '', from: '2025-01', to: '2025-12' });
  });
});

describe(isPeriod.name, () => {
  it.each(['2026', '2026-Q1', '2026-Q4', '2026-01', '2026-12'])('accepts %p', (p) => expect(isPeriod(p)).toBe(true));
  it.each(['26', '2026-Q5', '2026-13', '2026-1', '2026/01', ''])('rejects %p', (p) => expect(isPeriod(p)).toBe(false));
});

describe(periodKind.name, () => {
  it('tells years, quarters and months apart', () => {
    expect([periodKind('2026'), periodKind('2026-Q2'), periodKind('2026-02'), periodKind('x')]).toEqual(['year', 'quarter', 'month', null]);
  });
});

describe(scopeFromSearch.name, () => {
  it('reads the scope from the URL', () => {
    expect(scopeFromSearch('?orgUnit=CCAS-VAL&from=2025-Q1&to=2025-Q4', fallback)).toEqual({ orgUnit: 'CCAS-VAL', from: '2025-Q1', to: '2025-Q4' });
  });

  it('falls back on missing or malformed periods', () => {
    expect(scopeFromSearch('?from=yesterday', fallback)).toEqual(fallback);
  });
});

describe(scopeToSearch.name, () => {
  it('writes the scope and keeps other parameters', () => {
    expect(scopeToSearch({ orgUnit: 'A', from: '2025', to: '2026' }, '?tab=table')).toBe('?tab=table&orgUnit=A&from=2025&to=2026');
  });

  it('drops a blank org unit (whole organisation)', () => {
    expect(scopeToSearch({ orgUnit: ' ', from: '2025', to: '2026' }, '?orgUnit=A')).toBe('?from=2025&to=2026');
  });

  it('round-trips through scopeFromSearch', () => {
    const scope = { orgUnit: 'DIR-NORD', from: '2024-07', to: '2025-06' };
    expect(scopeFromSearch(scopeToSearch(scope), fallback)).toEqual(scope);
  });
});

describe(validateScope.name, () => {
  it('accepts a valid range', () => {
    expect(validateScope({ orgUnit: '', from: '2025-01', to: '2025-12' })).toEqual({});
  });

  it('flags malformed periods', () => {
    expect(validateScope({ orgUnit: '', from: '2025-1', to: '' })).toEqual({ from: 'levier.scope.invalid_period', to: 'levier.scope.invalid_period' });
  });

  it('flags an end before the start of the same kind', () => {
    expect(validateScope({ orgUnit: '', from: '2025-06', to: '2025-01' })).toEqual({ to: 'levier.scope.to_before_from' });
  });

  it('leaves mixed kinds to the API', () => {
    expect(validateScope({ orgUnit: '', from: '2025', to: '2024-12' })).toEqual({});
  });
});
