import { d } from './decimal';
import { NARROW_NBSP, NBSP, writeFrenchNumber } from './french-number';

describe(writeFrenchNumber.name, () => {
  it('rounds half-up to the places asked and groups thousands with a no-break space', () => {
    // 1 234 567,891 → ,89 (the third place 1 < 5); 0,125 → 0,13 (half goes up)
    expect(writeFrenchNumber('1234567.891', { decimals: 2 })).toBe(`1${NBSP}234${NBSP}567,89`);
    expect(writeFrenchNumber(d('0.125'), { decimals: 2 })).toBe('0,13');
    expect(writeFrenchNumber('-2.5', { decimals: 0 })).toBe('-3');
  });

  it('writes a negative that rounds to zero without its sign', () => {
    expect(writeFrenchNumber('-0.004', { decimals: 2 })).toBe('0,00');
  });

  it('keeps every digit of a string when no rounding is asked, trailing zeros included', () => {
    expect(writeFrenchNumber('-12450.50')).toBe(`-12${NBSP}450,50`);
    expect(writeFrenchNumber('0.0001234')).toBe('0,0001234');
  });

  it('writes a decimal as it holds it when no rounding is asked', () => {
    expect(writeFrenchNumber(d('0.90'), { group: '' })).toBe('0,9');
  });

  it('takes another thousands separator, or none', () => {
    expect(writeFrenchNumber('1234567.5', { decimals: 1, group: NARROW_NBSP })).toBe(`1${NARROW_NBSP}234${NARROW_NBSP}567,5`);
    expect(writeFrenchNumber('1234567.89', { group: '.' })).toBe('1.234.567,89');
    expect(writeFrenchNumber(d('1234567'), { group: '' })).toBe('1234567');
  });
});
