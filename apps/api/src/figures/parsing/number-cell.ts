import Decimal from 'decimal.js';

/**
 * A numeric spreadsheet cell (a JS double) → a decimal string without float noise, or `null` if not finite.
 * Spreadsheets keep 15 significant digits, so the double is rounded to 15 significant digits, then written in plain
 * notation without trailing zeros: 50112.4 → "50112.4", 0.1 + 0.2 → "0.3", 1e-7 → "0.0000001".
 */
export const numberCellToDecimal = (cell: number): string | null => {
  if (!Number.isFinite(cell)) return null;
  if (cell === 0) return '0';
  return new Decimal(cell.toPrecision(15)).toFixed();
};
