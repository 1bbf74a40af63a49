import { d, Decimal } from '@levier/indicators';
import { realExpenditureNote, realExpenditureOf } from './real-expenditure';

const map = (entries: Record<string, string>): Map<string, Decimal> => new Map(Object.entries(entries).map(([k, v]) => [k, d(v)]));

describe(realExpenditureOf.name, () => {
  const budgets = map({ '2024': '12500000' });
  const spend = map({ '2023': '800000', '2024': '900000' });

  it('takes the voted budget of a year when it is recorded, not the services’ spend', () => {
    const sut = realExpenditureOf({ years: ['2024'], budgets, spend });
    expect(sut).toEqual({ amount: d('12500000'), source: 'budget', budgetYears: ['2024'], proxyYears: [] });
  });

  it('falls back on Σ spend for a year without budget, and says so', () => {
    const sut = realExpenditureOf({ years: ['2023'], budgets, spend });
    expect(sut).toEqual({ amount: d('800000'), source: 'spend-proxy', budgetYears: [], proxyYears: ['2023'] });
  });

  it('sums a range year by year, each from its own source', () => {
    // 800 000 (2023, spend) + 12 500 000 (2024, budget) = 13 300 000
    const sut = realExpenditureOf({ years: ['2024', '2023', '2024'], budgets, spend });
    expect(sut?.amount.toFixed()).toBe('13300000');
    expect(sut).toMatchObject({ source: 'mixed', budgetYears: ['2024'], proxyYears: ['2023'] });
  });

  it('is null when no year has a budget nor spend figures', () => {
    expect(realExpenditureOf({ years: ['2022'], budgets, spend })).toBeNull();
  });
});

describe(realExpenditureNote.name, () => {
  it('names the years of each source, in French', () => {
    expect(realExpenditureNote({ amount: d('1'), source: 'budget', budgetYears: ['2024'], proxyYears: [] })).toMatch(/du budget voté \(2024\)\.$/);
    expect(realExpenditureNote({ amount: d('1'), source: 'spend-proxy', budgetYears: [], proxyYears: ['2023'] })).toMatch(
      /faute de budget voté pour 2023, base : dépenses des services saisies/,
    );
    expect(realExpenditureNote({ amount: d('1'), source: 'mixed', budgetYears: ['2024'], proxyYears: ['2023'] })).toMatch(
      /budget voté pour 2024 ; faute de budget voté pour 2023/,
    );
  });
});
