import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** The years a period may name when neither `PERIOD_YEAR_MIN` nor `PERIOD_YEAR_MAX` is set. */
export const DEFAULT_PERIOD_YEAR_MIN = 2000;
export const DEFAULT_PERIOD_YEAR_MAX = 2100;

export interface YearRange {
  readonly min: number;
  readonly max: number;
}

const readYear = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw.trim()) || year < 1) throw new Error(`${name} doit être une année à quatre chiffres, par exemple ${fallback} (reçu « ${raw} »).`);
  return year;
};

/**
 * The years accepted in a period parameter (`2024`, `2024-Q1`, `2024-03`) at the edge of the API: `PERIOD_YEAR_MIN`
 * and `PERIOD_YEAR_MAX` from the environment, else {@link DEFAULT_PERIOD_YEAR_MIN}–{@link DEFAULT_PERIOD_YEAR_MAX}.
 * Read at each use (cheap), checked once at start by `configureApp`, which fails on a malformed or inverted range.
 */
export const periodYearRange = (env: NodeJS.ProcessEnv = process.env): YearRange => {
  const min = readYear(env, 'PERIOD_YEAR_MIN', DEFAULT_PERIOD_YEAR_MIN);
  const max = readYear(env, 'PERIOD_YEAR_MAX', DEFAULT_PERIOD_YEAR_MAX);
  if (min > max) throw new Error(`PERIOD_YEAR_MIN (${min}) doit être inférieur ou égal à PERIOD_YEAR_MAX (${max}).`);
  return { min, max };
};

/** The year a period code starts with (`2024-03` → 2024), or null when it does not start with four digits. */
export const yearOfPeriod = (code: string): number | null => {
  const match = /^(\d{4})(?!\d)/.exec(code);
  return match ? Number(match[1]) : null;
};

/** True for a year (or a period code's year) inside the accepted range; a code without a year is left to the format check. */
export const periodYearAccepted = (value: unknown, range: YearRange = periodYearRange()): boolean => {
  const year = typeof value === 'number' ? value : typeof value === 'string' ? yearOfPeriod(value) : null;
  return year === null || (Number.isInteger(year) && year >= range.min && year <= range.max);
};

/** The French refusal of a period (or year) whose year is outside the accepted range. */
export const periodYearMessage = (field: string, value: unknown, range: YearRange = periodYearRange()): string =>
  `${field} : l’année ${typeof value === 'number' ? value : typeof value === 'string' ? (yearOfPeriod(value) ?? value) : '?'} est hors de la plage acceptée (${range.min} à ${range.max}).`;

/**
 * class-validator: the year of a period code (`2024-03`) or a year (2024, "2024") must lie in {@link periodYearRange}.
 * Put it next to the format check (`@Matches`), which it does not replace.
 */
export const PeriodYearInRange =
  (field: string, options?: ValidationOptions): PropertyDecorator =>
  (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'periodYearInRange',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown): boolean => periodYearAccepted(value),
        defaultMessage: (args?: ValidationArguments): string => periodYearMessage(field, args?.value),
      },
    });
  };
