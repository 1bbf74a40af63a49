import { BadRequestException, ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere, In, ObjectLiteral, QueryFailedError } from 'typeorm';
import { ListQuery, stringList } from '../http/list-query';

/**
 * Small generic helpers for the ra-data-simple-rest resources of one tenant (methodology and reallocation records):
 * a page of rows, one row or 404 (another tenant's row is a 404 too), and unique violations as 409.
 * Plumbing without business rules, shared by the feature modules.
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
): Promise<{ rows: E[]; total: number }> => {
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

/** Runs a write; a unique violation becomes 409 with `conflict`, a foreign-key violation 409 with `inUse` when given. */
export const guardConstraints = async <T>(work: () => Promise<T>, messages: { conflict: string; inUse?: string }): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    const code = err instanceof QueryFailedError ? (err.driverError as { code?: string }).code : undefined;
    if (code === PG_UNIQUE_VIOLATION) throw new ConflictException(messages.conflict);
    if (code === PG_FOREIGN_KEY_VIOLATION && messages.inUse) throw new ConflictException(messages.inUse);
    throw err;
  }
};

/** A problem+json 422 with the engine's (or our) errors `[{ path, message }]`. */
export const invalid = (detail: string, errors: readonly { path: string; message: string }[]): UnprocessableEntityException =>
  new UnprocessableEntityException({ detail, errors });

/** A plain JSON copy of a response object for the audit log (decimals are strings already). */
export const auditCopy = (value: object): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

/** A record type of one tenant served as a react-admin resource: its entity, its name in a 404, its response mapper. */
export interface RecordType<E extends OwnedRow, R> {
  entity: EntityTarget<E>;
  /** « Indice des prix » → « Indice des prix introuvable. » */
  what: string;
  toResponse: (row: E) => R;
}

/** A page of the organisation's rows as responses: the `id` filter (UUIDs) and the given equality filters. */
export const pageOfRecords = async <E extends OwnedRow, R>(
  em: EntityManager,
  type: RecordType<E, R>,
  organisationId: string,
  query: ListQuery<string>,
  where: FindOptionsWhere<E>,
): Promise<{ rows: R[]; total: number }> => {
  const page = await findPage(em, type.entity, { organisationId, id: idFilter(query.filter), ...where } as FindOptionsWhere<E>, query);
  return { rows: page.rows.map(type.toResponse), total: page.total };
};

/** One row of the organisation as its response, or 404 (another tenant's row too). */
export const recordOf = async <E extends OwnedRow, R>(em: EntityManager, type: RecordType<E, R>, organisationId: string, id: string): Promise<R> =>
  type.toResponse(await findOwned(em, type.entity, organisationId, id, type.what));

/**
 * Deletes one row of the organisation (404 when it is not one of its rows) after `check` (a 409 when it is still in
 * use, say), and returns it as it was: the answer, and its copy for the audit row.
 */
export const deleteRecord = async <E extends OwnedRow, R extends object>(
  em: EntityManager,
  type: RecordType<E, R>,
  organisationId: string,
  id: string,
  check: (row: E) => Promise<void> = async () => undefined,
): Promise<{ value: R; before: Record<string, unknown> }> => {
  const row = await findOwned(em, type.entity, organisationId, id, type.what);
  await check(row);
  const value = type.toResponse(row);
  await em.delete(type.entity, { id, organisationId } as FindOptionsWhere<E>);
  return { value, before: auditCopy(value) };
};
