import { d, Decimal, isDecimalLiteral, ONE, ZERO } from '../money/decimal';
import { writeFrenchNumber } from '../money/french-number';
import { ValidationError } from './scenario.types';

/**
 * Small readers from unknown JSON that collect every problem (never throw) as `{ path, message }`.
 * A reader returns `undefined` when the value is absent or invalid (the error, if any, is recorded).
 */
export class Problems {
  readonly list: ValidationError[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

export type JsonObject = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `parent.key`, or `parent["2013"]` for keys that are not identifiers. */
export const child = (parent: string, key: string | number): string => {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
};

/** French decimal display for messages: `0.9` → `0,9`. */
export const frenchDecimal = (value: Decimal): string => writeFrenchNumber(value, { group: '' });

export const describeJson = (value: unknown): string => {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

export const rejectUnknownKeys = ({
  problems,
  object,
  path,
  allowed,
}: {
  problems: Problems;
  object: JsonObject;
  path: string;
  allowed: readonly string[];
}): void => {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) problems.add(child(path, key), `clé inconnue « ${key} » (clés admises : ${allowed.join(', ')})`);
  }
};

interface ReadInput {
  problems: Problems;
  value: unknown;
  path: string;
  required: boolean;
}

/**
 * One typed reader: absent → `undefined` (an error when required), wrong type → an error naming what was expected
 * (`requis` / `attendu` messages in French, e.g. « liste requise », « liste attendue (obtenu 3) »).
 */
const typedReader =
  <T>(guard: (value: unknown) => value is T, required: string, expected: string) =>
  ({ problems, value, path, required: mandatory }: ReadInput): T | undefined => {
    if (value === undefined) {
      if (mandatory) problems.add(path, required);
      return undefined;
    }
    if (!guard(value)) {
      problems.add(path, `${expected} (obtenu ${describeJson(value)})`);
      return undefined;
    }
    return value;
  };

export const readObject = typedReader(isObject, 'objet requis', 'objet attendu');

export const readArray = typedReader((value): value is readonly unknown[] => Array.isArray(value), 'liste requise', 'liste attendue');

export const readBoolean = typedReader((value): value is boolean => typeof value === 'boolean', 'booléen requis (true ou false)', 'booléen attendu');

const readAnyString = typedReader((value): value is string => typeof value === 'string', 'texte requis', 'texte attendu');

/** A string; when required it must not be blank. */
export const readString = (input: ReadInput): string | undefined => {
  const text = readAnyString(input);
  if (text !== undefined && input.required && text.trim() === '') {
    input.problems.add(input.path, 'texte non vide requis');
    return undefined;
  }
  return text;
};

/** An integer given as a JSON number or an integer string. */
export const readInteger = ({
  problems,
  value,
  path,
  required,
  min,
  max,
}: {
  problems: Problems;
  value: unknown;
  path: string;
  required: boolean;
  min?: number;
  max?: number;
}): number | undefined => {
  if (value === undefined) {
    if (required) problems.add(path, 'entier requis');
    return undefined;
  }
  let integer: number | undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) integer = value;
  else if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) integer = Number(value);
  if (integer === undefined) {
    problems.add(path, `entier attendu (obtenu ${describeJson(value)})`);
    return undefined;
  }
  if ((min !== undefined && integer < min) || (max !== undefined && integer > max)) {
    const range = max === undefined ? `supérieur ou égal à ${min}` : min === undefined ? `inférieur ou égal à ${max}` : `entre ${min} et ${max}`;
    problems.add(path, `entier ${range} attendu (obtenu ${integer})`);
    return undefined;
  }
  return integer;
};

/** Constraints on a decimal: a share lies in [0, 1], a rate or a quantity is ≥ 0, a positive value is > 0. */
export type DecimalConstraint = 'any' | 'share' | 'nonNegative' | 'positive';

const violation = (value: Decimal, constraint: DecimalConstraint): string | null => {
  switch (constraint) {
    case 'any':
      return null;
    case 'share':
      return value.lt(ZERO) || value.gt(ONE) ? `part hors de [0, 1] (obtenu ${frenchDecimal(value)})` : null;
    case 'nonNegative':
      return value.lt(ZERO) ? `valeur négative interdite (obtenu ${frenchDecimal(value)})` : null;
    case 'positive':
      return value.lte(ZERO) ? `valeur strictement positive attendue (obtenu ${frenchDecimal(value)})` : null;
  }
};

/**
 * A decimal written as a JSON string (`"0.20"`); a JSON number is accepted only when it is an integer
 * (exact in binary), never a binary float such as 0.1.
 */
export const readDecimal = ({
  problems,
  value,
  path,
  required,
  constraint,
}: {
  problems: Problems;
  value: unknown;
  path: string;
  required: boolean;
  constraint: DecimalConstraint;
}): Decimal | undefined => {
  if (value === undefined) {
    if (required) problems.add(path, 'nombre décimal requis (chaîne comme "0.20")');
    return undefined;
  }
  let decimal: Decimal | undefined;
  if (typeof value === 'string' && isDecimalLiteral(value)) decimal = d(value);
  else if (typeof value === 'number' && Number.isSafeInteger(value)) decimal = d(value);
  if (decimal === undefined) {
    const hint = typeof value === 'number' ? ' : écrire les décimaux en chaîne, avec un point (ex. "0.20")' : ' (chaîne comme "0.20", point décimal)';
    problems.add(path, `nombre décimal invalide ${describeJson(value)}${hint}`);
    return undefined;
  }
  const problem = violation(decimal, constraint);
  if (problem !== null) {
    problems.add(path, problem);
    return undefined;
  }
  return decimal;
};

/** Plain calendar date `YYYY-MM-DD` (checked against the calendar). */
export const readDate = ({ problems, value, path }: { problems: Problems; value: unknown; path: string }): string | undefined => {
  const text = readString({ problems, value, path, required: true });
  if (text === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const valid = match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!valid) {
    problems.add(path, `date invalide « ${text} » : attendu AAAA-MM-JJ`);
    return undefined;
  }
  return text;
};

const isCalendarDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= daysInMonth[month - 1];
};

/** Reports duplicate codes among items (`services[2].code: code « X » en double (déjà en services[0])`). */
export const checkUnique = ({ problems, items, path }: { problems: Problems; items: readonly { code: string; index: number }[]; path: string }): void => {
  const seen = new Map<string, number>();
  for (const { code, index } of items) {
    const first = seen.get(code);
    if (first !== undefined) problems.add(child(child(path, index), 'code'), `code « ${code} » en double (déjà en ${child(path, first)})`);
    else seen.set(code, index);
  }
};
