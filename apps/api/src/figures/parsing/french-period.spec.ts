import fc from 'fast-check';
import { parseFrenchPeriod, periodOfDate } from './french-period';

describe(parseFrenchPeriod.name, () => {
  it.each([
    // months, numeric
    ['2024-03', '2024-03'],
    ['2024-3', '2024-03'],
    ['2024/03', '2024-03'],
    ['03/2024', '2024-03'],
    ['3/2024', '2024-03'],
    ['03-2024', '2024-03'],
    // French month names, full or abbreviated, with or without accents and dot, any case
    ['mars 2024', '2024-03'],
    ['Mars 2024', '2024-03'],
    ['MARS 2024', '2024-03'],
    ['févr. 2024', '2024-02'],
    ['février 2024', '2024-02'],
    ['fevrier 2024', '2024-02'],
    ['FÉVRIER 2024', '2024-02'],
    ['fév. 2024', '2024-02'],
    ['janv. 2024', '2024-01'],
    ['janvier 2024', '2024-01'],
    ['avr. 2024', '2024-04'],
    ['avril 2024', '2024-04'],
    ['mai 2024', '2024-05'],
    ['juin 2024', '2024-06'],
    ['juil. 2024', '2024-07'],
    ['juillet 2024', '2024-07'],
    ['août 2024', '2024-08'],
    ['aout 2024', '2024-08'],
    ['sept. 2024', '2024-09'],
    ['septembre 2024', '2024-09'],
    ['oct. 2024', '2024-10'],
    ['nov. 2024', '2024-11'],
    ['déc. 2024', '2024-12'],
    ['decembre 2024', '2024-12'],
    ['mars\u00A02024', '2024-03'],
    ['  mars   2024 ', '2024-03'],
    // Excel's "mmm-aa" display and English names
    ['janv.-24', '2024-01'],
    ['mars-24', '2024-03'],
    ['March 2024', '2024-03'],
    ['Feb-2024', '2024-02'],
  ])('reads the month %j as %s', (input, code) => {
    expect(parseFrenchPeriod(input)).toEqual({ ok: true, code, granularity: 'month', fromDate: false });
  });

  it.each([
    ['2024-T1', '2024-Q1'],
    ['2024-Q1', '2024-Q1'],
    ['2024-t2', '2024-Q2'],
    ['2024 T3', '2024-Q3'],
    ['2024T4', '2024-Q4'],
    ['T1 2024', '2024-Q1'],
    ['Q2-2024', '2024-Q2'],
  ])('reads the quarter %j as %s', (input, code) => {
    expect(parseFrenchPeriod(input)).toEqual({ ok: true, code, granularity: 'quarter', fromDate: false });
  });

  it.each([['2024'], [' 2024 ']])('reads the year %j', (input) => {
    expect(parseFrenchPeriod(input)).toEqual({ ok: true, code: '2024', granularity: 'year', fromDate: false });
  });

  it('reads a whole number cell as a year', () => {
    expect(parseFrenchPeriod(2024)).toEqual({ ok: true, code: '2024', granularity: 'year', fromDate: false });
  });

  it.each([
    ['01/09/2024', 'month', '2024-09'],
    ['01/09/2024', 'quarter', '2024-Q3'],
    ['01/09/2024', 'year', '2024'],
    ['2024-10-01', 'month', '2024-10'],
    ['2024-10-01T00:00:00.000Z', 'quarter', '2024-Q4'],
    ['31/12/2024', 'quarter', '2024-Q4'],
  ] as const)('reads the text date %j as the %s %s containing it', (input, granularity, code) => {
    expect(parseFrenchPeriod(input, granularity)).toEqual({ ok: true, code, granularity, fromDate: true });
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['2024-13', 'month_out_of_range'],
    ['00/2024', 'month_out_of_range'],
    ['2024-T5', 'quarter_out_of_range'],
    ['2024-Q0', 'quarter_out_of_range'],
    ['1789', 'year_out_of_range'],
    ['mars 1789', 'year_out_of_range'],
    ['31/02/2024', 'invalid_date'],
    ['2024-02-30', 'invalid_date'],
    ['marsh 2024', 'not_a_period'],
    ['mars', 'not_a_period'],
    ['24', 'not_a_period'],
    ['2024-03-15-1', 'not_a_period'],
    ['hier', 'not_a_period'],
  ])('rejects %j as %s', (input, error) => {
    expect(parseFrenchPeriod(input)).toEqual({ ok: false, error });
  });

  it('rejects a number cell that is not a whole year', () => {
    expect(parseFrenchPeriod(2024.5)).toEqual({ ok: false, error: 'not_a_period' });
  });

  it('answers any string with a typed result, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-zé./ TQ-]{0,14}$/u)), (input) => {
        const result = parseFrenchPeriod(input);
        if (result.ok) expect(result.code).toMatch(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/u);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe(periodOfDate.name, () => {
  // exceljs builds date cells at UTC midnight: 01/10/2024 is 2024-10-01T00:00Z, still 2024-10 whatever the server zone
  const october1 = new Date(Date.UTC(2024, 9, 1));

  it.each([
    ['month', '2024-10'],
    ['quarter', '2024-Q4'],
    ['year', '2024'],
  ] as const)('gives the %s containing 1 October 2024: %s', (granularity, code) => {
    expect(periodOfDate(october1, granularity)).toEqual({ ok: true, code, granularity, fromDate: true });
  });

  it.each([
    [Date.UTC(2024, 0, 1), '2024-Q1'],
    [Date.UTC(2024, 2, 31), '2024-Q1'],
    [Date.UTC(2024, 3, 1), '2024-Q2'],
    [Date.UTC(2024, 6, 15), '2024-Q3'],
    [Date.UTC(2024, 11, 31, 23, 59), '2024-Q4'],
  ])('puts %p in %s', (time, code) => {
    expect(periodOfDate(new Date(time), 'quarter')).toMatchObject({ ok: true, code });
  });

  it('refuses an invalid date', () => {
    expect(periodOfDate(new Date(Number.NaN), 'month')).toEqual({ ok: false, error: 'invalid_date' });
  });
});
