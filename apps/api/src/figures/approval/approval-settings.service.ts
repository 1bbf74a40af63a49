import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../platform/database/tenant-db';
import { AuditedTenantWriter } from '../../platform/audit/audited-tenant-writer';
import type { AuthUser } from '../../tenancy/auth-user';
import { ApprovalSettings, ApprovalSettingsRepository } from './approval-settings.repository';

export type { ApprovalSettings } from './approval-settings.repository';

/** The organisation's approval rule (four eyes on unless an admin turned it off, with a reason), changes audited. */
@Injectable()
export class ApprovalSettingsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly settings: ApprovalSettingsRepository,
    private readonly writer: AuditedTenantWriter,
  ) {}

  get(organisationId: string): Promise<ApprovalSettings> {
    return this.tenantDb.run(organisationId, (em) => this.settings.get(em, organisationId));
  }

  async update(user: AuthUser, fourEyes: boolean, reason: string | null): Promise<ApprovalSettings> {
    const before = await this.get(user.organisationId);
    await this.writer.write(
      user,
      { entity: 'approval_setting', action: 'settings.four_eyes' },
      async (em) => {
        await this.settings.set(em, user.organisationId, fourEyes, reason, user.id);
        return { value: undefined, entityId: user.organisationId, before: { fourEyes: before.fourEyes }, after: { fourEyes } };
      },
      { reason },
    );
    return this.get(user.organisationId);
  }
}
