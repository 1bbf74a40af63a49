import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditedTenantWriter, RecomputeRequest } from '../platform/audit/audited-tenant-writer';
import type { AuthUser } from '../tenancy/auth-user';
import { MethodCheck, MethodFocus } from './method-check';
import { MethodologyParameters } from '../indicators/savings/scenario-document';

export type WriteAction = 'create' | 'update' | 'delete' | 'publish';

const RECOMPUTE: Record<'full' | 'custom' | 'none', readonly RecomputeRequest[]> = { full: ['every-period'], custom: ['custom-indicators'], none: [] };

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
 * Every write to the method (unit costs, price indices, outcome assumptions, versions) goes through the platform's
 * {@link AuditedTenantWriter}: in one tenant transaction the change, the check that the whole method still computes
 * (else 422 and rollback: {@link MethodCheck} as its `check`) and the audit row `<entity>.<action>`; after the commit, a
 * de-duplicated recompute of the organisation (full, or custom indicators only).
 */
@Injectable()
export class MethodologyWriter {
  constructor(
    private readonly writer: AuditedTenantWriter,
    private readonly check: MethodCheck,
  ) {}

  write<T>(
    user: AuthUser,
    entity: string,
    action: WriteAction,
    work: (em: EntityManager) => Promise<WriteOutcome<T>>,
    recompute: 'full' | 'custom' | 'none' = 'full',
  ): Promise<T> {
    return this.writer.write(user, { entity, action: `${entity}.${action}` }, work, {
      check: async (em, outcome) => {
        if (outcome.focus) await this.check.assertValid(em, user.organisationId, outcome.focus, outcome.parameters);
      },
      recompute: RECOMPUTE[recompute],
    });
  }
}
