import { integerDigits, negateDecimal, shiftDecimal, subtractDecimals } from './decimal-arithmetic';

describe(subtractDecimals.name, () => {
  it('subtracts the public share from the all-payers figure to the cent', () => {
    // 1 539 410.12 − 847 325.45 = 692 084.67 (as floats: 692084.6699999999…)
    expect(subtractDecimals('1539410.12', '847325.45')).toBe('692084.67');
  });

  it('keeps the larger scale and the sign', () => {
    // 0.1 − 0.30 = −0.20 ; 5 − 7.125 = −2.125
    expect(subtractDecimals('0.1', '0.30')).toBe('-0.20');
    expect(subtractDecimals('5', '7.125')).toBe('-2.125');
    expect(subtractDecimals('-3.5', '-3.5')).toBe('0.0');
  });

  it('is exact beyond a float’s 15–17 significant digits', () => {
    // 12 345 678 901 234 567.89 − 0.01 = 12 345 678 901 234 567.88
    expect(subtractDecimals('12345678901234567.89', '0.01')).toBe('12345678901234567.88');
  });

  it('is null when either side is blank or malformed (blank is not zero)', () => {
    expect(subtractDecimals(null, '1')).toBeNull();
    expect(subtractDecimals('1', undefined)).toBeNull();
    expect(subtractDecimals('1,5', '1')).toBeNull();
    expect(subtractDecimals('1e3', '1')).toBeNull();
    expect(subtractDecimals('', '1')).toBeNull();
  });
});

describe(negateDecimal.name, () => {
  it('flips the sign exactly', () => {
    expect([negateDecimal('12.50'), negateDecimal('-3'), negateDecimal('0'), negateDecimal(null)]).toEqual(['-12.50', '3', '0', null]);
  });
});

describe(shiftDecimal.name, () => {
  it('moves the decimal point both ways', () => {
    // 1 539 410.12 / 10^6 = 1.53941012 ; 45.2 × 10^3 = 45 200
    expect(shiftDecimal('1539410.12', -6)).toBe('1.53941012');
    expect(shiftDecimal('-692084.67', -3)).toBe('-692.08467');
    expect(shiftDecimal('45.2', 3)).toBe('45200');
  });
});

describe(integerDigits.name, () => {
  it('counts the digits of the integer part', () => {
    expect([integerDigits('1539410.12'), integerDigits('0.5'), integerDigits('-45.2'), integerDigits('10'), integerDigits('x')]).toEqual([7, 0, 2, 2, null]);
  });
});
