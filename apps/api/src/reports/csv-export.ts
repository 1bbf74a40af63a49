/** Cells that a spreadsheet would run as a formula (OWASP CSV injection): `=`, `+`, `-`, `@`, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A plain negative amount as the reports write it (`-6 014,80`, `-6,014.80`, `-€6,014.80`, `-12,5 %`): digits, group
 * and decimal separators, an optional € or % — nothing a spreadsheet could run, so it stays a number.
 */
const PLAIN_NEGATIVE = /^-€?\d[\d \u00a0\u202f.,]*(?:[ \u00a0\u202f]?[€%])?$/u;

/**
 * Neutralises a formula-looking cell with a leading quote (a plain negative number is left as is), then quotes for CSV
 * when it holds the separator, a quote or a line end.
 */
export const csvCell = (value: string, separator = ';'): string => {
  const safe = FORMULA_START.test(value) && !PLAIN_NEGATIVE.test(value) ? `'${value}` : value;
  return /["\n\r]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * UTF-8 CSV with a BOM and CRLF line ends: `;`-separated by default, as French Excel opens it directly; English
 * reports pass `,`, which English Excel expects (cells holding a comma, such as `12,345.67`, are then quoted).
 */
export const toCsv = (rows: readonly (readonly string[])[], separator = ';'): string =>
  `\uFEFF${rows.map((r) => r.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n')}\r\n`;
