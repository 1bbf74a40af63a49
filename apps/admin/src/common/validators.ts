/**
 * Form validators that keep decimals as strings (docs/product-rules.md#periods-numbers-money: decimals end to end). A
 * decimal field is a FrenchDecimalInput (common/FrenchDecimalInput.tsx), which checks it is a number itself.
 */
import { isDecimalString } from '../format/decimal-format';
import { isPeriod } from '../dashboard/scope';

const blank = (value: unknown): boolean => value === undefined || value === null || value === '';

/** A share in [0, 1], compared on the string: "0", "0.35", "1", "1.000". */
export const share = () => (value: unknown) => {
  if (blank(value)) return undefined;
  const v = String(value).trim();
  return /^(?:0(?:\.\d+)?|\.\d+|1(?:\.0+)?)$/.test(v) ? undefined : 'levier.validation.share';
};

export const period = () => (value: unknown) => (blank(value) || isPeriod(String(value).trim()) ? undefined : 'levier.validation.period');

/** SelectInput choices for an enum translated under `levier.enums.<enumName>`. */
export const enumChoices = (enumName: string, codes: readonly string[]) => codes.map((code) => ({ id: code, name: `levier.enums.${enumName}.${code}` }));

/** A strictly positive decimal (an amount that serves as a base, e.g. real expenditure), compared on the string. */
export const positiveDecimal = () => (value: unknown) => {
  if (blank(value)) return undefined;
  const v = String(value).trim();
  if (!isDecimalString(v)) return 'levier.validation.decimal';
  return !v.startsWith('-') && /[1-9]/.test(v) ? undefined : 'levier.validation.positive';
};
