import Decimal from 'decimal.js';
import { ValueTransformer } from 'typeorm';

/**
 * The one place where PostgreSQL `numeric` meets TypeScript: the driver hands numerics over as strings,
 * they become {@link Decimal} here and go back as exact decimal strings. Never a binary float.
 */
export const decimalTransformer: ValueTransformer = {
  to: (value: Decimal | string | null | undefined): string | null | undefined => {
    if (value === null || value === undefined) return value;
    return value instanceof Decimal ? value.toFixed() : new Decimal(value).toFixed();
  },
  from: (value: string | null): Decimal | null => (value === null ? null : new Decimal(value)),
};
