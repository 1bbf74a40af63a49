import {
  NO_VALUE,
  decimalSign,
  formatAxisMoney,
  formatDateTime,
  formatDecimal,
  formatFixed,
  formatCount,
  formatMoney,
  formatMoneyCompact,
  formatPerEuro,
  formatRatio,
  formatShare,
  isDecimalString,
} from './decimal-format';

// fr-FR groups digits with U+202F (narrow no-break space) and puts U+00A0 before the € sign.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe(formatMoney.name, () => {
  it('formats a decimal string in French euros', () => {
    expect(formatMoney('1234567.89')).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}€`);
  });

  it('rounds the decimal string exactly, never through a float', () => {
    // 1.005 as a float is 1.00499999999999989…, which would round down to 1,00.
    expect(formatMoney('1.005')).toBe(`1,01${NBSP}€`);
    // 17 significant digits survive: a float would print …567,89 as …568,00.
    expect(formatMoney('12345678901234567.891')).toBe(`12${NNBSP}345${NNBSP}678${NNBSP}901${NNBSP}234${NNBSP}567,89${NBSP}€`);
  });

  it('keeps a negative net medico-social saving negative', () => {
    expect(formatMoney('-2500')).toBe(`-2${NNBSP}500,00${NBSP}€`);
  });

  it('shows a dash for blank or malformed values (blank is not zero)', () => {
    expect(formatMoney(null)).toBe(NO_VALUE);
    expect(formatMoney(undefined)).toBe(NO_VALUE);
    expect(formatMoney('')).toBe(NO_VALUE);
    expect(formatMoney('12,5')).toBe(NO_VALUE);
    expect(formatMoney('NaN')).toBe(NO_VALUE);
  });

  it('follows the English locale when asked', () => {
    expect(formatMoney('1234567.89', 'en')).toBe('€1,234,567.89');
  });
});

describe(formatRatio.name, () => {
  it('shows two decimals, rounding half up on the decimal string', () => {
    expect(formatRatio('2.345')).toBe('2,35');
    expect(formatRatio('3')).toBe('3,00');
    expect(formatRatio('1234.5')).toBe(`1${NNBSP}234,50`);
  });

  it('shows a dash when the ratio is not computable', () => {
    expect(formatRatio(null)).toBe(NO_VALUE);
  });
});

describe(formatFixed.name, () => {
  it('uses the requested number of decimals', () => {
    expect(formatFixed('4.25', 'fr', 1)).toBe('4,3');
  });
});

describe(formatDecimal.name, () => {
  it('keeps significant decimals without padding', () => {
    expect(formatDecimal('1234.5')).toBe(`1${NNBSP}234,5`);
    expect(formatDecimal('12')).toBe('12');
  });
});

describe(formatShare.name, () => {
  it('shows a share as a percentage', () => {
    expect(formatShare('0.35')).toBe(`35${NBSP}%`);
  });
});

describe(formatAxisMoney.name, () => {
  it('abbreviates axis ticks', () => {
    expect(formatAxisMoney(1_234_567)).toBe(`1,2${NBSP}M${NBSP}€`);
  });
});

describe(formatDateTime.name, () => {
  it('shows the time in Europe/Paris', () => {
    // 08:15 UTC is 09:15 in Paris in winter.
    expect(formatDateTime('2026-01-15T08:15:00Z')).toBe('15 janv. 2026, 09:15');
  });

  it('shows a dash for a missing or invalid date', () => {
    expect(formatDateTime(null)).toBe(NO_VALUE);
    expect(formatDateTime('not a date')).toBe(NO_VALUE);
  });
});

describe(isDecimalString.name, () => {
  it.each(['0', '-1', '+2.5', '.5', '1e3', ' 42 '])('accepts %p', (v) => expect(isDecimalString(v)).toBe(true));
  it.each(['', '1,5', 'abc', '1.2.3', null, 3])('rejects %p', (v) => expect(isDecimalString(v)).toBe(false));
});

describe(decimalSign.name, () => {
  it('reads the sign from the string', () => {
    expect(decimalSign('-0.01')).toBe(-1);
    expect(decimalSign('0.000')).toBe(0);
    expect(decimalSign('-0')).toBe(0);
    expect(decimalSign('12')).toBe(1);
    expect(decimalSign(null)).toBeNull();
  });
});

describe(formatMoneyCompact.name, () => {
  it('shows millions and thousands of euros as M€ and k€, from the string', () => {
    expect(formatMoneyCompact('1539410.12')).toBe(`1,54${NBSP}M€`);
    expect(formatMoneyCompact('692084.67')).toBe(`692${NBSP}k€`);
    expect(formatMoneyCompact('45250')).toBe(`45,3${NBSP}k€`);
    expect(formatMoneyCompact('-120500')).toBe(`-121${NBSP}k€`);
  });

  it('keeps small amounts in whole euros, and English writes €1.54M', () => {
    expect(formatMoneyCompact('9876.4')).toBe(`9${NNBSP}876${NBSP}€`);
    expect(formatMoneyCompact('1539410.12', 'en')).toBe('€1.54M');
    expect(formatMoneyCompact('-692084.67', 'en')).toBe('-€692k');
    expect(formatMoneyCompact(null)).toBe(NO_VALUE);
  });
});

describe(formatPerEuro.name, () => {
  it('writes what 1 € buys back in euros', () => {
    expect(formatPerEuro('0.9234')).toBe(`0,92${NBSP}€`);
    expect(formatPerEuro('0.5', 'en')).toBe('€0.50');
  });
});

describe(formatCount.name, () => {
  it('rounds counts to whole numbers from 10, one decimal below, never six decimals', () => {
    expect(formatCount('768.058275')).toBe('768');
    expect(formatCount('12.4')).toBe('12');
    expect(formatCount('2.46')).toBe('2,5');
    expect(formatCount('3')).toBe('3');
    expect(formatCount('1732.5')).toBe(`1${NNBSP}733`);
    expect(formatCount(null)).toBe(NO_VALUE);
  });
});
