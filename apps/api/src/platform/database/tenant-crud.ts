import { BadRequestException, ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere, In, ObjectLiteral, QueryFailedError } from 'typeorm';
import { ListQuery, stringList } from '../http/list-query';
import type { Page } from './page';

/**
 * Small generic helpers for the ra-data-simple-rest resources of one tenant, used by the generic record service
 * ({@link ./tenant-records.ts}) and the declarations: the list filters, a page of rows, one row or 404 (another
 * tenant's row is a 404 too), unique violations as 409, a 422 naming the fields. Plumbing without business rules.
 */
export interface OwnedRow extends ObjectLiteral {
  id: string;
  organisationId: string;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `filter.id` (react-admin getMany) as `In(ids)` of UUIDs, or undefined. */
export const idFilter = (filter: Record<string, unknown>): ReturnType<typeof In<string>> | undefined => {
  const ids = stringList(filter, 'id', 64);
  if (ids && !ids.every((id) => UUID.test(id))) throw new BadRequestException('Le filtre id doit lister des identifiants (UUID).');
  return ids ? In(ids) : undefined;
};

/** An equality filter on a text or integer field: one value or a list. */
export const inFilter = (filter: Record<string, unknown>, key: string): ReturnType<typeof In<string>> | undefined => {
  const values = stringList(filter, key, 200);
  return values ? In(values) : undefined;
};

/**
 * An equality filter on an integer column (a year, a version): one whole number or a list (`2024`, `"2024"`,
 * `[2023,2024]`); anything else is a 400 naming the field, never a query PostgreSQL would refuse with a 500.
 */
export const intFilter = (filter: Record<string, unknown>, key: string): ReturnType<typeof In<number>> | undefined => {
  const values = stringList(filter, key, 200);
  if (values === undefined) return undefined;
  if (!values.every((v) => /^-?\d{1,9}$/.test(v.trim()))) {
    throw new BadRequestException(
      `Le filtre ${key} doit être un nombre entier ou une liste de nombres entiers, par exemple {"${key}":2024} ou {"${key}":[2023,2024]}.`,
    );
  }
  return In(values.map((v) => Number(v.trim())));
};

export const findPage = async <E extends OwnedRow>(
  em: EntityManager,
  target: EntityTarget<E>,
  where: FindOptionsWhere<E>,
  query: ListQuery<string>,
): Promise<Page<E>> => {
  const defined = Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined)) as FindOptionsWhere<E>;
  const order = { [query.sort.field]: query.sort.order, ...(query.sort.field === 'id' ? {} : { id: 'ASC' }) } as FindOptionsOrder<E>;
  const [rows, total] = await em.findAndCount(target, { where: defined, order, skip: query.offset, take: query.limit });
  return { rows, total };
};

export const findOwned = async <E extends OwnedRow>(
  em: EntityManager,
  target: EntityTarget<E>,
  organisationId: string,
  id: string,
  what: string,
): Promise<E> => {
  const row = UUID.test(id) ? await em.findOne(target, { where: { id, organisationId } as FindOptionsWhere<E> }) : null;
  if (!row) throw new NotFoundException(`${what} introuvable.`);
  return row;
};

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_NOT_NULL_VIOLATION = '23502';

/** `cashable_share` → `cashableShare`: the API's name of a column. */
const fieldOf = (column: string): string => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Runs a write; a unique violation becomes 409 with `conflict` and a foreign-key violation 409 with `inUse` when given,
 * and a required field sent empty (`null` where the column has no default for it) a 422 naming the field: a client's
 * mistake, never a 500.
 */
export const guardConstraints = async <T>(work: () => Promise<T>, messages: { conflict?: string; inUse?: string }): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    const driverError = err instanceof QueryFailedError ? (err.driverError as { code?: string; column?: string }) : undefined;
    const code = driverError?.code;
    if (code === PG_UNIQUE_VIOLATION && messages.conflict) throw new ConflictException(messages.conflict);
    if (code === PG_FOREIGN_KEY_VIOLATION && messages.inUse) throw new ConflictException(messages.inUse);
    if (code === PG_NOT_NULL_VIOLATION && driverError?.column) {
      const field = fieldOf(driverError.column);
      throw invalid('Valeur obligatoire manquante.', [{ path: field, message: `${field} : valeur obligatoire, elle ne peut pas être vide.` }]);
    }
    throw err;
  }
};

/** A problem+json 422 with the engine's (or our) errors `[{ path, message }]`. */
export const invalid = (detail: string, errors: readonly { path: string; message: string }[]): UnprocessableEntityException =>
  new UnprocessableEntityException({ detail, errors });

/** A plain JSON copy of a response object for the audit log (decimals are strings already). */
export const auditCopy = (value: object): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
