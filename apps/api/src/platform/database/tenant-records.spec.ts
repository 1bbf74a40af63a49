import { ConflictException, NotFoundException } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AuditedTenantWriter } from '../audit/audited-tenant-writer';
import { RecomputeRequests } from '../queue/recompute-requests';
import { invalid } from './tenant-crud';
import { TenantDb } from './tenant-db';
import { RecordDeclaration, TenantRecords } from './tenant-records';

const ORG = '0190a0b0-0000-7000-8000-000000000001';
const OTHER_ORG = '0190a0b0-0000-7000-8000-000000000002';
const USER = { id: '0190a0b0-0000-7000-8000-0000000000aa', organisationId: ORG };

interface Thing {
  id: string;
  organisationId: string;
  code: string;
  size: number;
}
class ThingEntity {}

/** An in-memory table of things behind a fake tenant transaction; audit inserts and recomputes are logged. */
const harness = () => {
  const rows = new Map<string, Thing>();
  const log: string[] = [];
  const audits: { action: string; entityId: string; before: unknown; after: unknown }[] = [];
  let next = 0;
  const em = {
    create: (_target: unknown, values: Partial<Thing>) => ({ ...values }),
    save: (_target: unknown, row: Thing) => {
      if ([...rows.values()].some((r) => r.code === row.code && r.id !== row.id)) {
        throw new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate'), { code: '23505' }));
      }
      const saved = { ...row, id: row.id ?? `0190a0b0-0000-7000-8000-${String(++next).padStart(12, '0')}` };
      rows.set(saved.id, saved);
      return Promise.resolve({ ...saved });
    },
    findOne: (_target: unknown, options: { where: { id: string; organisationId: string } }) => {
      const row = rows.get(options.where.id);
      return Promise.resolve(row && row.organisationId === options.where.organisationId ? { ...row } : null);
    },
    findAndCount: (_target: unknown, options: { where: { organisationId: string } }) => {
      const found = [...rows.values()].filter((r) => r.organisationId === options.where.organisationId);
      return Promise.resolve([found, found.length]);
    },
    delete: (_target: unknown, where: { id: string }) => {
      rows.delete(where.id);
      return Promise.resolve();
    },
    query: (sql: string, params: unknown[][]) => {
      if (sql.includes('INSERT INTO audit_log')) {
        params[2].forEach((action, i) =>
          audits.push({
            action: action as string,
            entityId: params[4][i] as string,
            before: JSON.parse((params[5][i] as string | null) ?? 'null') as unknown,
            after: JSON.parse((params[6][i] as string | null) ?? 'null') as unknown,
          }),
        );
      }
      return Promise.resolve([]);
    },
  } as unknown as EntityManager;
  const tenantDb = {
    run: async <T>(_organisationId: string, work: (em: EntityManager) => Promise<T>): Promise<T> => {
      try {
        const value = await work(em);
        log.push('commit');
        return value;
      } catch (err) {
        log.push('rollback');
        throw err;
      }
    },
  } as unknown as TenantDb;
  const recompute = {
    everyPeriod: () => Promise.resolve(void log.push('recompute every-period')),
    reallocation: () => Promise.resolve(void log.push('recompute reallocation')),
    customIndicators: () => Promise.resolve(void log.push('recompute custom-indicators')),
  } as unknown as RecomputeRequests;
  return { rows, log, audits, tenantDb, writer: new AuditedTenantWriter(tenantDb, recompute) };
};

const THING: RecordDeclaration<Thing, { id: string; code: string; size: number }, { code: string; size?: number }> = {
  entity: ThingEntity,
  what: 'Chose',
  audit: 'thing',
  recompute: (action) => (action === 'delete' ? undefined : 'reallocation'),
  toResponse: (row) => ({ id: row.id, code: row.code, size: row.size }),
  defaults: { size: 1 },
  apply: (row, body) => {
    if (body.size !== undefined && body.size < 0) throw invalid('Chose invalide.', [{ path: 'size', message: 'une taille est positive' }]);
    if (body.code !== undefined) row.code = body.code;
    if (body.size !== undefined) row.size = body.size;
  },
  conflict: (row) => `La chose « ${row.code} » existe déjà.`,
  beforeDelete: (row) => (row.code === 'USED' ? Promise.reject(new ConflictException('Chose utilisée.')) : Promise.resolve()),
};

describe('TenantRecords (the generic service of a declared record type)', () => {
  it('creates with the defaults, audits <audit>.create with the answer as `after`, then asks the declared recompute after the commit', async () => {
    const h = harness();
    const things = new TenantRecords(THING, h.tenantDb, h.writer);
    const created = await things.create(USER, { code: 'A', size: undefined });
    expect(created).toEqual({ id: expect.any(String), code: 'A', size: 1 });
    expect(h.audits).toEqual([{ action: 'thing.create', entityId: created.id, before: null, after: created }]);
    expect(h.log).toEqual(['commit', 'recompute reallocation']);
  });

  it('updates the defined fields only, audits before and after; a delete asks no recompute here and keeps the row as `before`', async () => {
    const h = harness();
    const things = new TenantRecords(THING, h.tenantDb, h.writer);
    const created = await things.create(USER, { code: 'A', size: 3 });
    const updated = await things.update(USER, created.id, { code: undefined, size: 5 });
    expect(updated).toEqual({ ...created, size: 5 });
    const removed = await things.remove(USER, created.id);
    expect(removed).toEqual(updated);
    expect(h.audits.slice(1)).toEqual([
      { action: 'thing.update', entityId: created.id, before: created, after: updated },
      { action: 'thing.delete', entityId: created.id, before: updated, after: null },
    ]);
    expect(h.rows.size).toBe(0);
    expect(h.log).toEqual(['commit', 'recompute reallocation', 'commit', 'recompute reallocation', 'commit']);
  });

  it('answers 404 with the French name for a malformed id, a missing row and another tenant’s row', async () => {
    const h = harness();
    const things = new TenantRecords(THING, h.tenantDb, h.writer);
    const theirs = await things.create({ ...USER, organisationId: OTHER_ORG }, { code: 'B' });
    for (const id of ['nope', '0190a0b0-0000-7000-8000-00000000ffff', theirs.id]) {
      await expect(things.get(USER, id)).rejects.toThrow(new NotFoundException('Chose introuvable.'));
      await expect(things.update(USER, id, { size: 2 })).rejects.toThrow(NotFoundException);
      await expect(things.remove(USER, id)).rejects.toThrow(NotFoundException);
    }
    expect((await things.list(USER, { sort: { field: 'code', order: 'ASC' }, offset: 0, limit: 10, filter: {} })).total).toBe(0);
  });

  it('rolls back without audit row nor recompute on a 422 of the validation, a unique violation (409 with its message) or an in-use check', async () => {
    const h = harness();
    const things = new TenantRecords(THING, h.tenantDb, h.writer);
    const used = await things.create(USER, { code: 'USED' });
    h.log.length = 0;
    await expect(things.create(USER, { code: 'C', size: -1 })).rejects.toMatchObject({ status: 422 });
    await expect(things.create(USER, { code: 'USED' })).rejects.toThrow(new ConflictException('La chose « USED » existe déjà.'));
    await expect(things.remove(USER, used.id)).rejects.toThrow(new ConflictException('Chose utilisée.'));
    expect(h.log).toEqual(['rollback', 'rollback', 'rollback']);
    expect(h.audits).toHaveLength(1);
  });
});
