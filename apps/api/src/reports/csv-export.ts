/** Cells that a spreadsheet would run as a formula (OWASP CSV injection): `=`, `+`, `-`, `@`, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a formula-looking cell with a leading quote, then quotes for CSV when needed. */
export const csvCell = (value: string): string => {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** `;`-separated UTF-8 CSV with a BOM and CRLF line ends, as French Excel opens it directly. */
export const toCsv = (rows: readonly (readonly string[])[]): string => `\uFEFF${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
