import { NBSP, writeFrenchNumber } from '@levier/indicators';

/**
 * A value as the import file wrote it, in the messages of an import: `-12450.5` → `-12 450,5` (thousands grouped by
 * U+00A0 unless another separator is given). Digits are kept as they are: no rounding.
 */
export const formatFrenchDecimal = (value: string, thousands = NBSP): string => writeFrenchNumber(value, { group: thousands });
