import { formatFrenchDecimal, isApiDecimal, parseFrenchDecimal } from './french-decimal';

describe(parseFrenchDecimal.name, () => {
  it.each([
    ['22,50', '22.50'],
    ['22.50', '22.50'],
    ['1 234,56', '1234.56'],
    ['1\u00A0234,56', '1234.56'], // no-break space
    ['1\u202F234,56', '1234.56'], // narrow no-break space, as Intl writes French
    ['12 345 678,901234567890', '12345678.901234567890'], // every digit kept, none rounded
    ['-3,5', '-3.5'],
    ['\u22123,5', '-3.5'], // the minus sign U+2212
    ['0,10', '0.10'], // trailing zero kept
    ['  22,50  ', '22.50'],
    ['1234', '1234'],
  ])('reads « %s » as %s', (typed, sent) => {
    expect(parseFrenchDecimal(typed)).toBe(sent);
    expect(isApiDecimal(parseFrenchDecimal(typed))).toBe(true);
  });

  it.each(['22,5x', '1.234,56', '1,234.56', '12 34', '1 2345', '22,50 €', '--3', '3-', 'abc', '1e5', '22,,5'])(
    'keeps « %s » as typed, which the API would refuse',
    (typed) => {
      expect(parseFrenchDecimal(typed)).toBe(typed);
      expect(isApiDecimal(parseFrenchDecimal(typed))).toBe(false);
    },
  );

  it('keeps a number being typed (« 22, » then « 22,5 »), not yet a decimal for the API', () => {
    expect(parseFrenchDecimal('22,')).toBe('22.');
    expect(isApiDecimal('22.')).toBe(false);
    expect(parseFrenchDecimal('-')).toBe('-');
    expect(isApiDecimal('-')).toBe(false);
  });

  it('sends null for a blank input', () => {
    expect(parseFrenchDecimal('')).toBeNull();
    expect(parseFrenchDecimal('   ')).toBeNull();
    expect(parseFrenchDecimal(null)).toBeNull();
  });
});

describe(formatFrenchDecimal.name, () => {
  it.each([
    ['22.50', '22,50'],
    ['1234.56', '1234,56'],
    ['-3.5', '-3,5'],
    ['0.000000000001', '0,000000000001'], // no float: 1e-12 would be written « 1e-12 »
    ['123456789012345.123456789012', '123456789012345,123456789012'], // beyond a float's 17 digits, all kept
    ['100', '100'],
  ])('shows the API’s %s as « %s »', (value, shown) => {
    expect(formatFrenchDecimal(value)).toBe(shown);
  });

  it('shows a number being typed as typed', () => {
    expect(formatFrenchDecimal('22.')).toBe('22,');
    expect(formatFrenchDecimal('-')).toBe('-');
  });

  it('shows a blank value as empty, and text that is no decimal as it is', () => {
    expect(formatFrenchDecimal(null)).toBe('');
    expect(formatFrenchDecimal(undefined)).toBe('');
    expect(formatFrenchDecimal('')).toBe('');
    expect(formatFrenchDecimal('22,5x')).toBe('22,5x');
  });

  it('round-trips what is typed: the shown text reads back as the same decimal', () => {
    for (const typed of ['22,50', '1 234,56', '-3,5', '22,']) {
      const sent = parseFrenchDecimal(typed);
      expect(parseFrenchDecimal(formatFrenchDecimal(sent))).toBe(sent);
    }
  });
});
