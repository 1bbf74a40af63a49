import { formatChange, formatEuros, formatRatio, MASKED_LABEL, offsetSentence, periodLabel } from './french-format';

const nb = (s: string): string => s.replace(/ /g, '\u00A0');

describe(formatEuros.name, () => {
  it('groups thousands with no-break spaces, a decimal comma and the euro sign after', () => {
    expect(formatEuros('1234567.891')).toBe(nb('1 234 567,89 €'));
    expect(formatEuros('-0.004')).toBe(nb('0,00 €'));
    expect(formatEuros('-12450.5')).toBe(nb('-12 450,50 €'));
  });
  it('says masked or missing instead of a number', () => {
    expect(formatEuros('12', true)).toBe(MASKED_LABEL);
    expect(formatEuros(null)).toBe('non disponible');
  });
});

describe(offsetSentence.name, () => {
  it('reads "pour 1 € investi, X € évités" with two decimals, half up', () => {
    expect(offsetSentence('2.345')).toBe('pour 1\u00A0€ investi, 2,35\u00A0€ évités');
    expect(formatRatio('0.5')).toBe('0,50');
  });
});

describe(formatChange.name, () => {
  it('signs the difference and gives its share of the previous value', () => {
    // 1 100 − 1 000 = +100, +10 %
    expect(formatChange('1100', '1000')).toBe('+100,00\u00A0€ (+10,0\u00A0%)');
    expect(formatChange('900', '1000')).toBe('-100,00\u00A0€ (-10,0\u00A0%)');
    expect(formatChange(null, '1000')).toBe('—');
  });
});

describe(periodLabel.name, () => {
  it('writes periods in French', () => {
    expect(periodLabel('2024-08')).toBe('août 2024');
    expect(periodLabel('2024-Q1')).toBe('1er trimestre 2024');
    expect(periodLabel('2024')).toBe('année 2024');
  });
});
