import { numberCellToDecimal } from './number-cell';

describe(numberCellToDecimal.name, () => {
  it.each([
    [50112.4, '50112.4'],
    [2301.25, '2301.25'],
    [44, '44'],
    [0.1 + 0.2, '0.3'], // 0.30000000000000004 in binary: spreadsheets show 15 significant digits
    [1041666.7, '1041666.7'],
    [-500, '-500'],
    [1e-7, '0.0000001'],
    [1.5e21, '1500000000000000000000'],
    [-0, '0'],
    [123456789012.345, '123456789012.345'],
  ])('writes the cell %p as %s', (cell, value) => {
    expect(numberCellToDecimal(cell)).toBe(value);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %p', (cell) => {
    expect(numberCellToDecimal(cell)).toBeNull();
  });
});
