import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import type { AuthUser } from '../tenancy/auth-user';
import { AuditWriter } from '../audit/audit.writer';
import { MethodCheck, MethodFocus } from './method-check';
import { RecomputeRequests } from '../platform/queue/recompute-requests';
import { MethodologyParameters } from '../indicators/savings/scenario-document';

export type WriteAction = 'create' | 'update' | 'delete' | 'publish';

export interface WriteOutcome<T> {
  value: T;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** What to check the whole method against; omit for writes that cannot break it (custom indicators, targets). */
  focus?: MethodFocus;
  /** Parameters to check the method with instead of the version in force (a version being published). */
  parameters?: MethodologyParameters;
}

/**
 * Every write to the method (unit costs, price indices, outcome assumptions, versions) goes through here: in one
 * tenant transaction the change, the check that the whole method still computes (else 422 and rollback) and the
 * audit row; after the commit, a de-duplicated recompute of the organisation (full, or custom indicators only).
 */
@Injectable()
export class MethodologyWriter {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly audit: AuditWriter,
    private readonly check: MethodCheck,
    private readonly recompute: RecomputeRequests,
  ) {}

  async write<T>(
    user: AuthUser,
    entity: string,
    action: WriteAction,
    work: (em: EntityManager) => Promise<WriteOutcome<T>>,
    recompute: 'full' | 'custom' | 'none' = 'full',
  ): Promise<T> {
    const organisationId = user.organisationId;
    const value = await this.tenantDb.run(organisationId, async (em) => {
      const outcome = await work(em);
      if (outcome.focus) await this.check.assertValid(em, organisationId, outcome.focus, outcome.parameters);
      await this.audit.write(em, organisationId, [
        { actorId: user.id, action: `${entity}.${action}`, entity, entityId: outcome.entityId, before: outcome.before, after: outcome.after },
      ]);
      return outcome.value;
    });
    if (recompute === 'full') await this.recompute.everyPeriod(organisationId);
    if (recompute === 'custom') await this.recompute.customIndicators(organisationId);
    return value;
  }
}
