/** Cells that a spreadsheet would run as a formula (OWASP CSV injection): `=`, `+`, `-`, `@`, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a formula-looking cell with a leading quote, then quotes for CSV when it holds the separator, a quote or a line end. */
export const csvCell = (value: string, separator = ';'): string => {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /["\n\r]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * UTF-8 CSV with a BOM and CRLF line ends: `;`-separated by default, as French Excel opens it directly; English
 * reports pass `,`, which English Excel expects (cells holding a comma, such as `12,345.67`, are then quoted).
 */
export const toCsv = (rows: readonly (readonly string[])[], separator = ';'): string =>
  `\uFEFF${rows.map((r) => r.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n')}\r\n`;
