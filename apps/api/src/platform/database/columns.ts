import { Column, CreateDateColumn, JoinColumn, ManyToOne, type ObjectType, type RelationOptions, UpdateDateColumn } from 'typeorm';
import { decimalTransformer } from './decimal.transformer';

/**
 * The column kinds every entity repeats, declared once: what PostgreSQL type each TypeScript type is stored as (and
 * back). An entity names what a column holds (`@DecimalColumn() amount: Decimal`); the SQL type is decided here.
 */
interface Nullable {
  nullable?: boolean;
}

/** A decimal quantity or amount: `numeric` without fixed scale (no silent rounding), read back as a Decimal, never a float. */
export const DecimalColumn = (options: Nullable & { default?: string | number | (() => string) } = {}): PropertyDecorator =>
  Column({ type: 'numeric', transformer: decimalTransformer, ...options });

/** A reference to another row (its id), or a user's id kept after the user is gone. */
export const UuidColumn = (options: Nullable = {}): PropertyDecorator => Column({ type: 'uuid', ...options });

/** Text of at most `length` characters (`varchar`): codes, labels, statuses. */
export const VarcharColumn = (length: number, options: Nullable & { default?: string } = {}): PropertyDecorator =>
  Column({ type: 'varchar', length, ...options });

/** A moment (`timestamptz`), set by the application. */
export const TimestampColumn = (options: Nullable = {}): PropertyDecorator => Column({ type: 'timestamptz', ...options });

/** When the row was inserted, set by TypeORM. */
export const CreatedAtColumn = (): PropertyDecorator => CreateDateColumn({ type: 'timestamptz' });

/** When the row was last saved, set by TypeORM. */
export const UpdatedAtColumn = (): PropertyDecorator => UpdateDateColumn({ type: 'timestamptz' });

/**
 * The row this one belongs to (many to one), through the foreign key `column` (`org_unit_id`): the relation TypeORM
 * joins on, beside the entity's own id column of the same name (`@UuidColumn() orgUnitId`).
 */
export const References =
  <T>(type: string | (() => ObjectType<T>), column: string, options: RelationOptions): PropertyDecorator =>
  (target, property) => {
    ManyToOne(type, options)(target, property);
    JoinColumn({ name: column })(target, property);
  };
