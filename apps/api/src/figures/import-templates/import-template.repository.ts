import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ImportMapping } from '../parsing/import-mapping';

export interface ImportTemplateView {
  id: string;
  name: string;
  mapping: ImportMapping;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const VIEW = `SELECT t.id, t.name, t.mapping, t.created_by AS "createdBy", u.display_name AS "createdByName", t.created_at AS "createdAt", t.updated_at AS "updatedAt"
                FROM import_template t LEFT JOIN app_user u ON u.id = t.created_by`;

/** An organisation's saved column mappings (import_template), offered again at the next import. */
@Injectable()
export class ImportTemplateRepository {
  async list(em: EntityManager, organisationId: string): Promise<ImportTemplateView[]> {
    return (await em.query(`${VIEW} WHERE t.organisation_id = $1 ORDER BY t.updated_at DESC, t.name`, [organisationId])) as ImportTemplateView[];
  }

  async find(em: EntityManager, organisationId: string, id: string): Promise<ImportTemplateView | null> {
    const rows = (await em.query(`${VIEW} WHERE t.organisation_id = $1 AND t.id = $2`, [organisationId, id])) as ImportTemplateView[];
    return rows[0] ?? null;
  }

  /** Saves under a name: a name already used is replaced (the same monthly file, its mapping corrected). */
  async save(em: EntityManager, organisationId: string, name: string, mapping: ImportMapping, userId: string): Promise<{ id: string; replaced: boolean }> {
    const [row] = (await em.query(
      `INSERT INTO import_template (organisation_id, name, mapping, created_by) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (organisation_id, name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()
       RETURNING id, (xmax <> 0) AS replaced`,
      [organisationId, name, JSON.stringify(mapping), userId],
    )) as { id: string; replaced: boolean }[];
    return row;
  }

  async remove(em: EntityManager, organisationId: string, id: string): Promise<ImportTemplateView | null> {
    const found = await this.find(em, organisationId, id);
    if (found) await em.query(`DELETE FROM import_template WHERE organisation_id = $1 AND id = $2`, [organisationId, id]);
    return found;
  }
}
