/**
 * Pure helpers of the data-entry grid: French number input and paste of a block copied from Excel
 * or LibreOffice (tab-separated, one row per line, Excel's quoting for cells holding tabs or newlines).
 * Values stay decimal STRINGS end to end: "1 234,56" → "1234.56", never through a float.
 */

/** Splits a clipboard block into rows of cells. A trailing newline (Excel adds one) makes no empty row. */
export const parseClipboardBlock = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim()));
};

export type ParsedNumber = { ok: true; value: string | null } | { ok: false; error: 'levier.grid.invalid_number' };

/**
 * French (or plain) number input → canonical decimal string. Accepts "1 234,56", "1 234,56" (no-break
 * and narrow no-break spaces), "1234.56", "-12", "12 €"; a blank cell is null (no value, not zero).
 * "1.234,56" (dot thousands) is accepted; "1,234.56" (English thousands) is refused as ambiguous.
 */
export const parseFrenchNumber = (input: string): ParsedNumber => {
  let s = input.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  if (s === '') return { ok: true, value: null };
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '');
  if (s.includes(',') && s.includes('.')) return { ok: false, error: 'levier.grid.invalid_number' };
  s = s.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, error: 'levier.grid.invalid_number' };
  let [int, frac = ''] = s.replace(/^\+/, '').split('.');
  const negative = int.startsWith('-');
  int = int.replace('-', '').replace(/^0+(?=\d)/, '') || '0';
  frac = frac.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return { ok: true, value: negative && body !== '0' ? `-${body}` : body };
};

/** A stored decimal string as the grid shows it for editing: "1234.5" → "1 234,5". */
export const formatForInput = (value: string | null | undefined): string => {
  if (value === null || value === undefined || value === '') return '';
  const negative = value.startsWith('-');
  const [int, frac] = value.replace(/^[+-]/, '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
};

export interface CellUpdate {
  row: number;
  col: number;
  text: string;
}

/** The cells a pasted block fills from (row, col), clipped to the grid; disabled cells are skipped. */
export const pasteUpdates = (
  block: string[][],
  start: { row: number; col: number },
  size: { rows: number; cols: number },
  isDisabled: (row: number, col: number) => boolean = () => false,
): CellUpdate[] => {
  const updates: CellUpdate[] = [];
  block.forEach((cells, i) =>
    cells.forEach((text, j) => {
      const row = start.row + i;
      const col = start.col + j;
      if (row < size.rows && col < size.cols && !isDisabled(row, col)) updates.push({ row, col, text });
    }),
  );
  return updates;
};

export type Move = 'up' | 'down' | 'left' | 'right';

/** Next cell for an arrow or Enter, staying inside the grid. */
export const moveFrom = (at: { row: number; col: number }, move: Move, size: { rows: number; cols: number }): { row: number; col: number } => {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max - 1, v));
  switch (move) {
    case 'up':
      return { row: clamp(at.row - 1, size.rows), col: at.col };
    case 'down':
      return { row: clamp(at.row + 1, size.rows), col: at.col };
    case 'left':
      return { row: at.row, col: clamp(at.col - 1, size.cols) };
    case 'right':
      return { row: at.row, col: clamp(at.col + 1, size.cols) };
  }
};

/** What the grid checks of a metric before sending: its label (for the message), whole numbers, bounds (decimal strings). */
export interface MetricRule {
  label: string;
  integer?: boolean;
  minValue?: string | null;
  maxValue?: string | null;
}

export type CellProblem =
  | { key: 'levier.month_end.grid.invalid_number'; args: { metric: string } }
  | { key: 'levier.month_end.grid.not_integer'; args: { metric: string } }
  | { key: 'levier.month_end.grid.below_min'; args: { metric: string; min: string } }
  | { key: 'levier.month_end.grid.above_max'; args: { metric: string; max: string } };

/** Sign and digits of a canonical decimal string, compared without floats: -1, 0 or 1. */
export const compareDecimals = (a: string, b: string): number => {
  const neg = (s: string) => s.startsWith('-') && /[1-9]/.test(s);
  if (neg(a) !== neg(b)) return neg(a) ? -1 : 1;
  const [ai, af = ''] = a.replace(/^[+-]/, '').split('.');
  const [bi, bf = ''] = b.replace(/^[+-]/, '').split('.');
  const intA = ai.replace(/^0+(?=\d)/, '');
  const intB = bi.replace(/^0+(?=\d)/, '');
  const width = Math.max(af.length, bf.length);
  const x = `${intA.padStart(Math.max(intA.length, intB.length), '0')}${af.padEnd(width, '0')}`;
  const y = `${intB.padStart(Math.max(intA.length, intB.length), '0')}${bf.padEnd(width, '0')}`;
  const cmp = x === y ? 0 : x > y ? 1 : -1;
  return neg(a) ? -cmp : cmp;
};

/**
 * What is wrong with a cell's text for its metric, before anything is sent (the server checks the same again):
 * not a French number, decimals on a whole-number metric (« Bénéficiaires doit être un nombre entier »), out of bounds.
 */
export const cellProblem = (text: string, rule: MetricRule): CellProblem | null => {
  const parsed = parseFrenchNumber(text);
  if (!parsed.ok) return { key: 'levier.month_end.grid.invalid_number', args: { metric: rule.label } };
  if (parsed.value === null) return null;
  if (rule.integer && parsed.value.includes('.')) return { key: 'levier.month_end.grid.not_integer', args: { metric: rule.label } };
  if (rule.minValue != null && compareDecimals(parsed.value, rule.minValue) < 0) {
    return { key: 'levier.month_end.grid.below_min', args: { metric: rule.label, min: formatForInput(rule.minValue) } };
  }
  if (rule.maxValue != null && compareDecimals(parsed.value, rule.maxValue) > 0) {
    return { key: 'levier.month_end.grid.above_max', args: { metric: rule.label, max: formatForInput(rule.maxValue) } };
  }
  return null;
};

/** Expected slots of the shown services filled by a value (a slot `a|b` is filled by either): the grid's live counter. */
export const countFilled = (
  rows: ReadonlyArray<{ service: string; slots: readonly string[] }>,
  valueOf: (service: string, metric: string) => string | null,
): { entered: number; expected: number } => {
  let entered = 0;
  let expected = 0;
  for (const row of rows) {
    for (const slot of row.slots) {
      expected += 1;
      if (slot.split('|').some((metric) => valueOf(row.service, metric) !== null)) entered += 1;
    }
  }
  return { entered, expected };
};
