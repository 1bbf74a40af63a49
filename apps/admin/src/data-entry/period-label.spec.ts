import { frenchDecimal, periodLabel } from './period-label';

describe(periodLabel.name, () => {
  it('writes months, quarters and years as French readers do', () => {
    expect(periodLabel('2024-01')).toBe('janv. 2024');
    expect(periodLabel('2024-Q4')).toBe('2024-T4');
    expect(periodLabel('2024')).toBe('2024');
  });
});

describe(frenchDecimal.name, () => {
  it('groups thousands with a narrow no-break space and uses a decimal comma, digits unchanged', () => {
    expect(frenchDecimal('1234567.50')).toBe('1\u202f234\u202f567,50');
    expect(frenchDecimal('-12')).toBe('-12');
    expect(frenchDecimal(null)).toBe('—');
  });
});
