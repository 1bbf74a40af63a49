import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../database/tenant-db';
import { RecomputeRequests } from '../queue/recompute-requests';
import { AuditEntry, AuditWriter } from './audit-writer';

/** Who writes: a signed-in user (an `AuthUser` fits) or the system (`levier` commands, demo seed: `id` null). */
export interface AuditActor {
  readonly id: string | null;
  readonly organisationId: string;
}

/** What the audit rows name: the `entity` (`unit_cost`, `period_status`) and the full `action` (`unit_cost.create`, `period.submit`). */
export interface AuditSubject {
  readonly entity: string;
  readonly action: string;
}

/** One audit row of a write. `entity` and `action` default to the write's {@link AuditSubject}, `reason` to the write's option. */
export interface AuditedChange {
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  entity?: string;
  action?: string;
  reason?: string | null;
  submissionId?: string | null;
}

/**
 * What the work returns: its answer (`value`) and the audit row(s) of the change: either one row (`entityId`, `before`,
 * `after`), or `changes`, several rows (a period acted on for several units) or none (nothing changed).
 */
export type AuditedOutcome<T = unknown> = ({ value: T; changes?: undefined } & AuditedChange) | { value: T; changes: readonly AuditedChange[] };

/**
 * A recompute of the read model asked after the commit (see {@link RecomputeRequests}): every period (the method or who
 * pays changed), the custom indicators only, the reallocation, or the figures of some periods.
 */
export type RecomputeRequest = 'every-period' | 'custom-indicators' | 'reallocation' | { readonly periods: readonly string[] };

export interface AuditedWriteOptions<O> {
  /** Checked after the work, before the audit rows, in the same transaction: a throw (a 422, say) rolls the write back. */
  check?: (em: EntityManager, outcome: O) => Promise<void>;
  /** Asked once the transaction committed; a queue outage is logged, the write stands. */
  recompute?: RecomputeRequest | readonly RecomputeRequest[];
  /** The reason of every row that does not give its own (a reopened period, a disabled rule). */
  reason?: string | null;
  /** The HTTP request id kept on the rows. */
  requestId?: string | null;
}

/** The audit rows of an outcome, as {@link AuditWriter} inserts them. */
const entriesOf = (actor: AuditActor, subject: AuditSubject, outcome: AuditedOutcome, options: AuditedWriteOptions<never>): AuditEntry[] => {
  const changes: readonly AuditedChange[] = outcome.changes ?? [outcome as AuditedChange];
  return changes.map((c) => ({
    actorId: actor.id,
    action: c.action ?? subject.action,
    entity: c.entity ?? subject.entity,
    entityId: c.entityId,
    before: c.before ?? null,
    after: c.after ?? null,
    reason: c.reason !== undefined ? c.reason : (options.reason ?? null),
    submissionId: c.submissionId ?? null,
    requestId: options.requestId ?? null,
  }));
};

const AUDIT = new AuditWriter();

const isList = (r: RecomputeRequest | readonly RecomputeRequest[]): r is readonly RecomputeRequest[] => Array.isArray(r);
const requestsOf = (r: AuditedWriteOptions<never>['recompute']): readonly RecomputeRequest[] => (r === undefined ? [] : isList(r) ? r : [r]);

/**
 * The work, its check and its audit rows in a transaction the caller opened and commits (`em`): for the `levier`
 * commands and the demo seed, which write as the database owner before or outside any tenant transaction. No recompute
 * is asked (the caller knows when its transaction commits). Services use {@link AuditedTenantWriter.write}.
 */
export const writeAudited = async <O extends AuditedOutcome>(
  em: EntityManager,
  actor: AuditActor,
  subject: AuditSubject,
  work: (em: EntityManager) => Promise<O>,
  options: Omit<AuditedWriteOptions<O>, 'recompute'> = {},
): Promise<O['value']> => {
  const outcome = await work(em);
  if (options.check) await options.check(em, outcome);
  await AUDIT.write(em, actor.organisationId, entriesOf(actor, subject, outcome, options as AuditedWriteOptions<never>));
  return outcome.value;
};

/**
 * The one audited write path of the API (docs/architecture.md « Où s’écrit une ligne d’audit »): in ONE tenant
 * transaction ({@link TenantDb.run}, row-level security on) the work, the optional check and the audit row(s) of the
 * change, so they commit or roll back together; then, after the COMMIT, the recompute(s) asked through
 * {@link RecomputeRequests} (a queue outage is logged, the write stands). Takes plain types: platform/ knows no feature.
 *
 * Inside a tenant transaction already open for the same organisation, the work joins it (TenantDb.run) and the
 * recompute is asked when this call returns, before the outer transaction commits: call it from outside.
 */
@Injectable()
export class AuditedTenantWriter {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly recompute: RecomputeRequests,
  ) {}

  async write<O extends AuditedOutcome>(
    actor: AuditActor,
    subject: AuditSubject,
    work: (em: EntityManager) => Promise<O>,
    options: AuditedWriteOptions<O> = {},
  ): Promise<O['value']> {
    const organisationId = actor.organisationId;
    const value = await this.tenantDb.run(organisationId, (em) => writeAudited(em, actor, subject, work, options));
    for (const request of requestsOf(options.recompute)) await this.ask(organisationId, request);
    return value;
  }

  private async ask(organisationId: string, request: RecomputeRequest): Promise<void> {
    if (request === 'every-period') await this.recompute.everyPeriod(organisationId);
    else if (request === 'custom-indicators') await this.recompute.customIndicators(organisationId);
    else if (request === 'reallocation') await this.recompute.reallocation(organisationId);
    else await this.recompute.periodsChanged(organisationId, request.periods);
  }
}
