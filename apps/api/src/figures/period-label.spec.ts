import { periodLabel } from './period-label';

describe(periodLabel.name, () => {
  it('writes months with their French abbreviation, quarters with T, years as they are', () => {
    expect(periodLabel('2024-01')).toBe('janv. 2024');
    expect(periodLabel('2024-08')).toBe('août 2024');
    expect(periodLabel('2024-Q4')).toBe('2024-T4');
    expect(periodLabel('2024')).toBe('2024');
  });
});
