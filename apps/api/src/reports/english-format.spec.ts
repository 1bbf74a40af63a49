import { Decimal } from '@levier/indicators';
import { compactEnglishEuros, formatChangeEn, formatEurosEn, formatParisDateTimeEn, MASKED_LABEL_EN, offsetSentenceEn, periodLabelEn } from './english-format';

describe(formatEurosEn.name, () => {
  it('puts the euro sign first, groups thousands with commas and uses a decimal point', () => {
    expect(formatEurosEn('1234567.891')).toBe('€1,234,567.89');
    expect(formatEurosEn('-12450.5')).toBe('-€12,450.50');
    // -0.004 rounds to zero: no "-€0.00"
    expect(formatEurosEn('-0.004')).toBe('€0.00');
  });
  it('says masked or missing instead of a number', () => {
    expect(formatEurosEn('12', true)).toBe(MASKED_LABEL_EN);
    expect(formatEurosEn(null)).toBe('not available');
  });
});

describe(offsetSentenceEn.name, () => {
  it('reads "for €1 invested, €X avoided" with two decimals, half up', () => {
    expect(offsetSentenceEn('2.345')).toBe('for €1 invested, €2.35 avoided');
    expect(offsetSentenceEn(null)).toBe('not computable (zero or missing cost)');
  });
});

describe(formatChangeEn.name, () => {
  it('signs the difference and gives its share of the previous value', () => {
    // 1 100 − 1 000 = +100, +10 %
    expect(formatChangeEn('1100', '1000')).toBe('+€100.00 (+10.0%)');
    expect(formatChangeEn('900', '1000')).toBe('-€100.00 (-10.0%)');
    expect(formatChangeEn(null, '1000')).toBe('—');
  });
});

describe(periodLabelEn.name, () => {
  it('writes periods in English', () => {
    expect(periodLabelEn('2024-08')).toBe('August 2024');
    expect(periodLabelEn('2024-Q1')).toBe('Q1 2024');
    expect(periodLabelEn('2024')).toBe('year 2024');
  });
});

describe(compactEnglishEuros.name, () => {
  it('shortens axis labels to k and M', () => {
    // 12 345 678 / 1 000 000 = 12.345678 → 12.3
    expect(compactEnglishEuros(new Decimal('12345678'))).toBe('€12.3M');
    expect(compactEnglishEuros(new Decimal('45000'))).toBe('€45k');
    expect(compactEnglishEuros(new Decimal('-500'))).toBe('-€500');
  });
});

describe(formatParisDateTimeEn.name, () => {
  it('writes the instant in Paris time, day first', () => {
    // 07:00 UTC on 1 Nov 2026 = 08:00 in Paris (winter time, UTC+1)
    expect(formatParisDateTimeEn('2026-11-01T07:00:00Z')).toBe('01/11/2026 at 08:00 (Paris time)');
    expect(formatParisDateTimeEn(null)).toBe('unknown');
  });
});
