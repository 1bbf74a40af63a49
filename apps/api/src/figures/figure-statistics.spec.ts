import { ANALYZE_THRESHOLDS, needsAnalyze } from './figure-statistics';

describe('needsAnalyze', () => {
  it('waits for 100 000 changed rows in a small partition', () => {
    expect(needsAnalyze({ name: 'figure_y2024', changed: 99_999, rows: 1_000_000 })).toBe(false);
    expect(needsAnalyze({ name: 'figure_y2024', changed: 100_000, rows: 1_000_000 })).toBe(true);
  });

  it('waits for 2 % of a large partition', () => {
    expect(needsAnalyze({ name: 'figure_y2024', changed: 199_999, rows: 10_000_000 })).toBe(false);
    expect(needsAnalyze({ name: 'figure_y2024', changed: 200_000, rows: 10_000_000 })).toBe(true);
  });

  it('analyses a partition never counted once enough rows arrived', () => {
    expect(needsAnalyze({ name: 'figure_y2031', changed: 150_000, rows: 0 })).toBe(true);
    expect(needsAnalyze({ name: 'figure_y2031', changed: 150_000, rows: -1 })).toBe(true);
  });

  it('never analyses an unchanged partition, whatever the thresholds', () => {
    expect(needsAnalyze({ name: 'figure_y2024', changed: 0, rows: 0 }, { minChangedRows: 0, changedShare: 0 })).toBe(false);
  });

  it('takes the thresholds it is given', () => {
    expect(needsAnalyze({ name: 'figure_y2024', changed: 10, rows: 100 }, { minChangedRows: 10, changedShare: 0.1 })).toBe(true);
    expect(needsAnalyze({ name: 'figure_y2024', changed: 10, rows: 1000 }, { minChangedRows: 10, changedShare: 0.1 })).toBe(false);
    expect(ANALYZE_THRESHOLDS).toEqual({ minChangedRows: 100_000, changedShare: 0.02 });
  });
});
