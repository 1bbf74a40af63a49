/**
 * A decimal string → French writing: `-12450.5` → `-12 450,5` (thousands grouped by a no-break space U+00A0 unless
 * another separator is given, decimal comma). Digits are kept as they are: no rounding, no float.
 */
export const formatFrenchDecimal = (value: string, thousands = '\u00A0'): string => {
  const negative = value.startsWith('-');
  const [intPart, fracPart] = (negative ? value.slice(1) : value).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/gu, thousands);
  return `${negative ? '-' : ''}${grouped}${fracPart === undefined ? '' : `,${fracPart}`}`;
};
