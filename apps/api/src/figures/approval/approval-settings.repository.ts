import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ApprovalSettings {
  fourEyes: boolean;
  reason: string | null;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: Date | null;
}

/** `approval_setting`: one row per organisation once an admin changed it; no row means the four-eyes rule is on. */
@Injectable()
export class ApprovalSettingsRepository {
  async get(em: EntityManager, organisationId: string): Promise<ApprovalSettings> {
    const rows = (await em.query(
      `SELECT s.four_eyes AS "fourEyes", s.reason, s.updated_by AS "updatedBy", u.display_name AS "updatedByName", s.updated_at AS "updatedAt"
         FROM approval_setting s LEFT JOIN app_user u ON u.id = s.updated_by WHERE s.organisation_id = $1`,
      [organisationId],
    )) as ApprovalSettings[];
    return rows[0] ?? { fourEyes: true, reason: null, updatedBy: null, updatedByName: null, updatedAt: null };
  }

  async set(em: EntityManager, organisationId: string, fourEyes: boolean, reason: string | null, updatedBy: string): Promise<void> {
    await em.query(
      `INSERT INTO approval_setting (organisation_id, four_eyes, reason, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (organisation_id) DO UPDATE SET four_eyes = EXCLUDED.four_eyes, reason = EXCLUDED.reason, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [organisationId, fourEyes, reason, updatedBy],
    );
  }
}
