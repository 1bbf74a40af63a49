import { NotFoundException } from '@nestjs/common';
import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { ListQuery } from '../http/list-query';
import { auditCopy, findOwned, findPage, guardConstraints, idFilter, OwnedRow, UUID } from './tenant-crud';
import { TenantDb } from './tenant-db';
import { AuditedChange, AuditedOutcome, AuditedTenantWriter, RecomputeRequest } from '../audit/audited-tenant-writer';
import type { Page } from './page';

/**
 * One generic service for the record types of one tenant served as react-admin resources (price indices, unit costs,
 * budgets, reallocation records, funding plans, initiatives…): a record type is declared once (entity, French name,
 * mapper, filters, validation → entity fields, in-use check, unique-violation message, audit name) and
 * {@link TenantRecords} serves its list, get, create, update and remove, every write through the platform's
 * {@link AuditedTenantWriter} (one tenant transaction with its audit row, then the declared recompute after the commit).
 * Plumbing without business rules: each feature's service keeps only its rules in its declaration.
 */

/** The caller as the platform sees it (the authenticated user of the features fits). */
export interface Actor {
  readonly id: string;
  readonly organisationId: string;
}

export type RecordAction = 'create' | 'update' | 'delete';

/**
 * A check of a write before its audit row, in its transaction (the method still computes, say): a throw (a 422) rolls
 * the write back. Given the answer and the action.
 */
export type RecordCheck<R> = (em: EntityManager, organisationId: string, value: R, action: RecordAction) => Promise<void>;

type Recompute = RecomputeRequest | readonly RecomputeRequest[] | undefined;

/** Where a declaration's hooks run: the tenant transaction, the caller, and the record type's context. */
export interface RecordScope<X, U extends Actor = Actor> {
  em: EntityManager;
  user: U;
  organisationId: string;
  /** What the type loads once per call (the services to name codes, the units the caller sees…). */
  ctx: X;
  /** True when the row is being created (not yet saved). */
  created: boolean;
}

/** How a record type of one tenant is read: its entity, its name, its mapper, its filters. */
export interface RecordRead<E extends OwnedRow, R, X = undefined, U extends Actor = Actor> {
  entity: EntityTarget<E>;
  /** Its name in a 404: « Indice des prix » → « Indice des prix introuvable. » */
  what: string;
  /** Loads what the mapper, the filters and the validation need, once per call (default: nothing). */
  context?: (em: EntityManager, user: U) => Promise<X>;
  toResponse: (row: E, ctx: X) => R;
  /** The equality filters of the list query (the `id` filter of react-admin's getMany is always served). */
  filters?: (filter: Record<string, unknown>, scope: RecordScope<X, U>) => FindOptionsWhere<E> | Promise<FindOptionsWhere<E>>;
  /** A page of rows when the type reads its own way (relations, a visibility rule); replaces `filters`. */
  page?: (scope: RecordScope<X, U>, query: ListQuery<string>) => Promise<Page<E>>;
  /** One row of the organisation (null when none) when the type reads its own way (relations, visibility). */
  find?: (scope: RecordScope<X, U>, id: string) => Promise<E | null>;
}

/** A record type of one tenant: everything the generic service needs to serve it. */
export interface RecordDeclaration<E extends OwnedRow, R, C extends object, X = undefined, U extends Actor = Actor> extends RecordRead<E, R, X, U> {
  /** Its name in the audit log (`price_index` → actions `price_index.create`…). */
  audit: string;
  /** The recompute a write of this type asks after its commit (none by default), or the one of each action. */
  recompute?: Recompute | ((action: RecordAction) => Recompute);
  /** Values of the create body's absent fields (a validated DTO carries them as `undefined`). */
  defaults?: Partial<C>;
  /**
   * Validation → entity fields: sets on `row` the body's defined fields (a French 422 naming the field when one is
   * wrong, a 409 when a rule forbids the change). Runs in the transaction, before the save.
   */
  apply: (row: E, body: Partial<C>, scope: RecordScope<X, U>) => void | Promise<void>;
  /** The 409 message of a unique violation, from the row as it would be stored; without it the save is plain. */
  conflict?: (row: E, ctx: X) => string;
  /** Saves the row (default `em.save`); the row is read again through `find` afterwards when `find` is declared. */
  save?: (scope: RecordScope<X, U>, row: E) => Promise<E>;
  /** Before a delete: a 409 when the row is still in use, or detaching what points to it. */
  beforeDelete?: (row: E, scope: RecordScope<X, U>) => Promise<void>;
}

/** The body's defined fields (a validated DTO carries absent ones as `undefined`), without `id`. */
export const definedFields = <T extends object>(body: T): Partial<T> =>
  Object.fromEntries(Object.entries(body).filter(([key, value]) => value !== undefined && key !== 'id')) as Partial<T>;

/** The read side of a declared record type (list and get), for a type whose writes are its own (a publish). */
export class TenantRecordReader<E extends OwnedRow, R extends object, X = undefined, U extends Actor = Actor> {
  constructor(
    protected readonly type: RecordRead<E, R, X, U>,
    protected readonly tenantDb: TenantDb,
  ) {}

  list(user: U, query: ListQuery<string>): Promise<Page<R>> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const scope = await this.scope(em, user, false);
      const page = this.type.page
        ? await this.type.page(scope, query)
        : await findPage(
            em,
            this.type.entity,
            {
              organisationId: user.organisationId,
              id: idFilter(query.filter),
              ...(this.type.filters ? await this.type.filters(query.filter, scope) : {}),
            } as FindOptionsWhere<E>,
            query,
          );
      return { rows: page.rows.map((row) => this.type.toResponse(row, scope.ctx)), total: page.total };
    });
  }

  get(user: U, id: string): Promise<R> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const scope = await this.scope(em, user, false);
      return this.type.toResponse(await this.owned(scope, id), scope.ctx);
    });
  }

  protected async scope(em: EntityManager, user: U, created: boolean): Promise<RecordScope<X, U>> {
    const ctx = this.type.context ? await this.type.context(em, user) : (undefined as X);
    return { em, user, organisationId: user.organisationId, ctx, created };
  }

  /** One row of the organisation, or 404 (another tenant's row, or one the type's `find` does not show, too). */
  protected async owned(scope: RecordScope<X, U>, id: string): Promise<E> {
    if (!this.type.find) return findOwned(scope.em, this.type.entity, scope.organisationId, id, this.type.what);
    const row = UUID.test(id) ? await this.type.find(scope, id) : null;
    if (!row) throw new NotFoundException(`${this.type.what} introuvable.`);
    return row;
  }
}

/**
 * The generic service of a declared record type. A feature's service extends it with its declaration and its
 * audited writer, and adds only what is its own (a summary, say).
 */
export class TenantRecords<E extends OwnedRow, R extends object, C extends object, X = undefined, U extends Actor = Actor> extends TenantRecordReader<
  E,
  R,
  X,
  U
> {
  constructor(
    private readonly declared: RecordDeclaration<E, R, C, X, U>,
    tenantDb: TenantDb,
    private readonly writer: AuditedTenantWriter,
    private readonly check?: RecordCheck<R>,
  ) {
    super(declared, tenantDb);
  }

  /** The work in one audited tenant transaction (`<audit>.<action>`), the check before the audit row, the recompute after. */
  private write(user: U, action: RecordAction, work: (em: EntityManager) => Promise<AuditedOutcome<R> & AuditedChange>): Promise<R> {
    const { audit: entity, recompute } = this.declared;
    const check = this.check;
    return this.writer.write(user, { entity, action: `${entity}.${action}` }, work, {
      recompute: typeof recompute === 'function' ? recompute(action) : recompute,
      ...(check ? { check: (em: EntityManager, outcome: { value: R }) => check(em, user.organisationId, outcome.value, action) } : {}),
    });
  }

  create(user: U, body: C): Promise<R> {
    return this.write(user, 'create', async (em) => {
      const scope = await this.scope(em, user, true);
      const row = em.create(this.declared.entity, { organisationId: user.organisationId } as E);
      await this.declared.apply(row, { ...this.declared.defaults, ...definedFields(body) }, scope);
      const saved = await this.store(scope, row);
      const value = this.declared.toResponse(saved, scope.ctx);
      return { value, entityId: saved.id, before: null, after: auditCopy(value) };
    });
  }

  update(user: U, id: string, body: Partial<C>): Promise<R> {
    return this.write(user, 'update', async (em) => {
      const scope = await this.scope(em, user, false);
      const row = await this.owned(scope, id);
      const before = auditCopy(this.declared.toResponse(row, scope.ctx));
      await this.declared.apply(row, body, scope);
      const value = this.declared.toResponse(await this.store(scope, row), scope.ctx);
      return { value, entityId: id, before, after: auditCopy(value) };
    });
  }

  remove(user: U, id: string): Promise<R> {
    return this.write(user, 'delete', async (em) => {
      const scope = await this.scope(em, user, false);
      const row = await this.owned(scope, id);
      if (this.declared.beforeDelete) await this.declared.beforeDelete(row, scope);
      const value = this.declared.toResponse(row, scope.ctx);
      await em.delete(this.declared.entity, { id, organisationId: user.organisationId } as FindOptionsWhere<E>);
      return { value, entityId: id, before: auditCopy(value), after: null };
    });
  }

  private async store(scope: RecordScope<X, U>, row: E): Promise<E> {
    const { conflict, save, find } = this.declared;
    const write = () => (save ? save(scope, row) : scope.em.save(this.declared.entity, row));
    const saved = await guardConstraints(write, { conflict: conflict?.(row, scope.ctx) });
    if (!find) return saved;
    const again = await find(scope, saved.id);
    if (!again) throw new NotFoundException(`${this.declared.what} introuvable.`);
    return again;
  }
}
