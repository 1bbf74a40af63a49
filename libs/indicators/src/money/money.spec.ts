import { addKeyed, divideOrNull, meanOrNull, sumDecimals } from './arithmetic';
import { d, isDecimalLiteral } from './decimal';
import { formatExact, formatMoney, formatRatio, roundHalfUp } from './round';

describe(roundHalfUp.name, () => {
  it('rounds a tie away from zero (half up) at 2 decimals', () => {
    // 0.125 → 0.13 ; −0.125 → −0.13
    expect(roundHalfUp({ value: d('0.125'), decimals: 2 })).toBe('0.13');
    expect(roundHalfUp({ value: d('-0.125'), decimals: 2 })).toBe('-0.13');
  });
  it('never prints a negative zero', () => {
    // −0.001 rounds to 0.00, shown without sign
    expect(roundHalfUp({ value: d('-0.001'), decimals: 2 })).toBe('0.00');
  });
});

describe(formatMoney.name, () => {
  it('keeps the cents of 279079.6937', () => {
    expect(formatMoney(d('279079.6937'))).toBe('279079.69');
  });
});

describe(formatRatio.name, () => {
  it('rounds 1.01115831… to 6 decimals', () => {
    // 279079.6937 / 276000 = 1.0111583…
    expect(formatRatio(d('279079.6937').dividedBy(276000))).toBe('1.011158');
  });
});

describe(formatExact.name, () => {
  it('prints counts without trailing zeros', () => {
    expect(formatExact(d('3.0'))).toBe('3');
    expect(formatExact(d('2.50'))).toBe('2.5');
  });
});

describe(divideOrNull.name, () => {
  it('gives null on a zero denominator', () => {
    expect(divideOrNull({ numerator: d(1), denominator: d(0) })).toBeNull();
  });
  it('divides exactly at 40 digits', () => {
    // 1 / 3 = 0.333… (40 significant digits)
    expect(divideOrNull({ numerator: d(1), denominator: d(3) })?.toFixed(12)).toBe('0.333333333333');
  });
});

describe(sumDecimals.name, () => {
  it('adds decimals without binary float error', () => {
    // 0.1 + 0.2 = 0.3 exactly
    expect(sumDecimals([d('0.1'), d('0.2')]).toFixed()).toBe('0.3');
  });
});

describe(meanOrNull.name, () => {
  it('divides the sum by the count, exactly', () => {
    // (0.1 + 0.2 + 0.3) / 3 = 0.2, where floats give 0.20000000000000004
    expect(meanOrNull([d('0.1'), d('0.2'), d('0.3')])?.toFixed()).toBe('0.2');
  });
  it('is null for no value', () => {
    expect(meanOrNull([])).toBeNull();
  });
});

describe(addKeyed.name, () => {
  it('adds by key', () => {
    const sut = addKeyed({ A: d(1), B: d(2) }, { B: d(3), C: d(4) });
    expect(Object.fromEntries(Object.entries(sut).map(([k, v]) => [k, v.toFixed()]))).toEqual({ A: '1', B: '5', C: '4' });
  });
});

describe(isDecimalLiteral.name, () => {
  it.each(['0', '0.20', '-12.5', '147.07'])('accepts %s', (text) => expect(isDecimalLiteral(text)).toBe(true));
  it.each(['', '1,5', '1e3', '.5', '1.', ' 1', 'abc'])('rejects %p', (text) => expect(isDecimalLiteral(text)).toBe(false));
});
