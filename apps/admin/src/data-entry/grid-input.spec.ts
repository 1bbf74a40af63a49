import { cellProblem, compareDecimals, countFilled, formatForInput, moveFrom, parseClipboardBlock, parseFrenchNumber, pasteUpdates } from './grid-input';

describe(parseClipboardBlock.name, () => {
  it('splits rows on newlines and cells on tabs, without the trailing empty row Excel adds', () => {
    expect(parseClipboardBlock('1 234,5\t12\r\n7\t\r\n')).toEqual([
      ['1 234,5', '12'],
      ['7', ''],
    ]);
  });

  it('keeps a single value as a 1×1 block', () => {
    expect(parseClipboardBlock('42')).toEqual([['42']]);
  });

  it('reads Excel quoting: tabs, newlines and doubled quotes inside a cell', () => {
    expect(parseClipboardBlock('"a\tb"\t"dit ""oui"""\n"deux\nlignes"\tx')).toEqual([
      ['a\tb', 'dit "oui"'],
      ['deux\nlignes', 'x'],
    ]);
  });

  it('handles LF and lone CR line ends', () => {
    expect(parseClipboardBlock('1\n2\r3')).toEqual([['1'], ['2'], ['3']]);
  });
});

describe(parseFrenchNumber.name, () => {
  it.each([
    ['1 234,56', '1234.56'],
    ['1\u00a0234,56', '1234.56'],
    ['1\u202f234,50', '1234.5'],
    ['1234.56', '1234.56'],
    ['1.234,56', '1234.56'],
    ['-12', '-12'],
    ['+7', '7'],
    ['0,0', '0'],
    ['007', '7'],
    ['12 €', '12'],
    [',5', '0.5'],
  ])('reads %p as %p', (input, value) => expect(parseFrenchNumber(input)).toEqual({ ok: true, value }));

  it('reads a blank cell as no value, not zero', () => {
    expect(parseFrenchNumber('  ')).toEqual({ ok: true, value: null });
  });

  it.each(['douze', '1,234.56', '12,5,3', '1e3', '--1', '12 %'])('refuses %p', (input) => expect(parseFrenchNumber(input).ok).toBe(false));
});

describe(formatForInput.name, () => {
  it('groups thousands with narrow no-break spaces and uses a decimal comma', () => {
    expect(formatForInput('1234567.5')).toBe('1\u202f234\u202f567,5');
    expect(formatForInput('-1234')).toBe('-1\u202f234');
    expect(formatForInput(null)).toBe('');
  });

  it('round-trips through parseFrenchNumber', () => {
    for (const v of ['0', '12', '1234.56', '-98765.4321']) expect(parseFrenchNumber(formatForInput(v))).toEqual({ ok: true, value: v });
  });
});

describe(pasteUpdates.name, () => {
  it('fills from the focused cell, clipped to the grid, skipping disabled cells', () => {
    const updates = pasteUpdates(
      [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ],
      { row: 1, col: 1 },
      { rows: 2, cols: 3 },
      (r, c) => r === 1 && c === 2,
    );
    expect(updates).toEqual([{ row: 1, col: 1, text: 'a' }]);
  });
});

describe(moveFrom.name, () => {
  it('moves and stays inside the grid', () => {
    const size = { rows: 2, cols: 2 };
    expect(moveFrom({ row: 0, col: 0 }, 'down', size)).toEqual({ row: 1, col: 0 });
    expect(moveFrom({ row: 1, col: 0 }, 'down', size)).toEqual({ row: 1, col: 0 });
    expect(moveFrom({ row: 0, col: 0 }, 'left', size)).toEqual({ row: 0, col: 0 });
    expect(moveFrom({ row: 0, col: 0 }, 'right', size)).toEqual({ row: 0, col: 1 });
  });
});

describe(compareDecimals.name, () => {
  it('compares decimal strings without floats', () => {
    expect(compareDecimals('10', '9.99')).toBe(1);
    expect(compareDecimals('0.1', '0.10')).toBe(0);
    expect(compareDecimals('-2', '-10')).toBe(1);
    expect(compareDecimals('-0.5', '0')).toBe(-1);
    expect(compareDecimals('12345678901234567890.1', '12345678901234567890.09')).toBe(1);
  });
});

describe(cellProblem.name, () => {
  const beneficiaries = { label: 'Bénéficiaires', integer: true, minValue: '0' };
  it('says in words what is wrong with a cell before sending it', () => {
    expect(cellProblem('12,5', beneficiaries)).toEqual({ key: 'levier.month_end.grid.not_integer', args: { metric: 'Bénéficiaires' } });
    expect(cellProblem('-3', beneficiaries)).toEqual({ key: 'levier.month_end.grid.below_min', args: { metric: 'Bénéficiaires', min: '0' } });
    expect(cellProblem('douze', beneficiaries)).toEqual({ key: 'levier.month_end.grid.invalid_number', args: { metric: 'Bénéficiaires' } });
    expect(cellProblem('1,234.5', { label: 'Dépenses' })).toEqual({ key: 'levier.month_end.grid.invalid_number', args: { metric: 'Dépenses' } });
    expect(cellProblem('101', { label: 'Taux', maxValue: '100' })).toEqual({ key: 'levier.month_end.grid.above_max', args: { metric: 'Taux', max: '100' } });
  });
  it('accepts French decimals, whole numbers written with a zero decimal and blank cells', () => {
    expect(cellProblem('1 234,50', { label: 'Dépenses', minValue: '0' })).toBeNull();
    expect(cellProblem('12,0', beneficiaries)).toBeNull();
    expect(cellProblem('', beneficiaries)).toBeNull();
  });
});

describe(countFilled.name, () => {
  it('counts the expected slots holding a value, either metric filling the activity slot', () => {
    const values: Record<string, string | null> = { 'SAAD|spend': '10', 'SAAD|beneficiaries': '3', 'AED|spend': null };
    const valueOf = (service: string, metric: string) => values[`${service}|${metric}`] ?? null;
    const rows = [
      { service: 'SAAD', slots: ['spend', 'person_months|beneficiaries'] },
      { service: 'AED', slots: ['spend', 'person_months|beneficiaries', 'observed.placement_evite'] },
    ];
    expect(countFilled(rows, valueOf)).toEqual({ entered: 2, expected: 5 });
  });
});
