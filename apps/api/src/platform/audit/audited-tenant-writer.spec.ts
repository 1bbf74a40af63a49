import { EntityManager } from 'typeorm';
import { TenantDb } from '../database/tenant-db';
import { RecomputeRequests } from '../queue/recompute-requests';
import { AuditedTenantWriter, writeAudited } from './audited-tenant-writer';

const ORG = '0190a0b0-0000-7000-8000-000000000001';
const USER = { id: '0190a0b0-0000-7000-8000-0000000000aa', organisationId: ORG };

/** A fake tenant transaction: records every statement, and whether it committed or rolled back. */
const harness = () => {
  const log: string[] = [];
  const inserts: unknown[][] = [];
  const em = {
    query: (sql: string, params: unknown[]) => {
      if (sql.includes('INSERT INTO audit_log')) {
        log.push('audit');
        inserts.push(params);
      }
      return Promise.resolve([]);
    },
  } as unknown as EntityManager;
  const tenantDb = {
    run: async <T>(organisationId: string, work: (em: EntityManager) => Promise<T>): Promise<T> => {
      log.push(`begin ${organisationId}`);
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
  const ask = (name: string) => (_organisationId: string, periods?: readonly string[]) => {
    log.push(`recompute ${name}${periods ? ` ${periods.join(',')}` : ''}`);
    return Promise.resolve();
  };
  const recompute = {
    everyPeriod: ask('every-period'),
    customIndicators: ask('custom-indicators'),
    reallocation: ask('reallocation'),
    periodsChanged: ask('periods'),
  } as unknown as RecomputeRequests;
  return { writer: new AuditedTenantWriter(tenantDb, recompute), log, inserts, em };
};

/** The rows of one audit insert: [org, actorIds, actions, entities, entityIds, befores, afters, reasons, submissionIds, requestIds]. */
const rowsOf = (params: unknown[]) => {
  const [, actors, actions, entities, ids, befores, afters, reasons, submissions, requests] = params as unknown[][];
  return actors.map((actorId, i) => ({
    actorId,
    action: actions[i],
    entity: entities[i],
    entityId: ids[i],
    before: befores[i] === null ? null : JSON.parse(befores[i] as string),
    after: afters[i] === null ? null : JSON.parse(afters[i] as string),
    reason: reasons[i],
    submissionId: submissions[i],
    requestId: requests[i],
  }));
};

describe(AuditedTenantWriter.name, () => {
  it('runs the work, the check and the audit row in one tenant transaction, then asks the recompute after the commit', async () => {
    const { writer, log, inserts } = harness();
    const value = await writer.write(
      USER,
      { entity: 'unit_cost', action: 'unit_cost.update' },
      async () => {
        log.push('work');
        return { value: 'answer', entityId: 'u1', before: { amount: '1.00' }, after: { amount: '2.00' } };
      },
      {
        check: async () => {
          log.push('check');
        },
        recompute: 'every-period',
      },
    );
    expect(value).toBe('answer');
    expect(log).toEqual([`begin ${ORG}`, 'work', 'check', 'audit', 'commit', 'recompute every-period']);
    expect(inserts[0][0]).toBe(ORG);
    expect(rowsOf(inserts[0])).toEqual([
      {
        actorId: USER.id,
        action: 'unit_cost.update',
        entity: 'unit_cost',
        entityId: 'u1',
        before: { amount: '1.00' },
        after: { amount: '2.00' },
        reason: null,
        submissionId: null,
        requestId: null,
      },
    ]);
  });

  it('rolls back without an audit row or a recompute when the check throws', async () => {
    const { writer, log, inserts } = harness();
    const refused = writer.write(
      USER,
      { entity: 'price_index', action: 'price_index.delete' },
      async () => ({ value: 1, entityId: 'p1', before: null, after: null }),
      {
        check: () => Promise.reject(new Error('La méthode ne calcule plus')),
        recompute: ['every-period'],
      },
    );
    await expect(refused).rejects.toThrow('La méthode ne calcule plus');
    expect(log).toEqual([`begin ${ORG}`, 'rollback']);
    expect(inserts).toEqual([]);
  });

  it('writes several rows (their own action, entity or reason win over the write’s), and asks several recomputes in order', async () => {
    const { writer, log, inserts } = harness();
    await writer.write(
      USER,
      { entity: 'period_status', action: 'period.reopen' },
      async () => ({
        value: undefined,
        changes: [
          { entityId: 'A/2024-01', before: { status: 'approved' }, after: { status: 'draft' } },
          { entityId: 'B/2024-01', after: { status: 'draft' }, reason: 'son propre motif' },
          { entityId: 'rule', entity: 'approval_settings', action: 'approval_settings.update', submissionId: null },
        ],
      }),
      { reason: 'erreur de saisie', requestId: 'req-1', recompute: [{ periods: ['2024-01'] }, 'reallocation'] },
    );
    expect(rowsOf(inserts[0]).map((r) => [r.action, r.entity, r.entityId, r.before, r.reason, r.requestId])).toEqual([
      ['period.reopen', 'period_status', 'A/2024-01', { status: 'approved' }, 'erreur de saisie', 'req-1'],
      ['period.reopen', 'period_status', 'B/2024-01', null, 'son propre motif', 'req-1'],
      ['approval_settings.update', 'approval_settings', 'rule', null, 'erreur de saisie', 'req-1'],
    ]);
    expect(log.slice(-3)).toEqual(['commit', 'recompute periods 2024-01', 'recompute reallocation']);
  });

  it('writes no row when the work reports no change, and no recompute unless asked', async () => {
    const { writer, log } = harness();
    expect(await writer.write(USER, { entity: 'user', action: 'user.update' }, async () => ({ value: 42, changes: [] }))).toBe(42);
    expect(log).toEqual([`begin ${ORG}`, 'commit']);
  });

  it('keeps a system actor (levier command, demo seed) as a null actor in a transaction the caller opened', async () => {
    const { em, inserts, log } = harness();
    const value = await writeAudited(em, { id: null, organisationId: ORG }, { entity: 'user', action: 'operator.grant' }, async () => ({
      value: 'ok',
      entityId: 'u9',
      before: null,
      after: { operator: true },
    }));
    expect(value).toBe('ok');
    expect(log).toEqual(['audit']);
    expect(rowsOf(inserts[0])[0]).toMatchObject({ actorId: null, action: 'operator.grant', entityId: 'u9', after: { operator: true } });
  });
});
