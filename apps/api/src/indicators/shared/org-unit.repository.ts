import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** An org unit as the read side needs it: to resolve a scope, to name a unit, to keep a caller in their subtree. */
export interface OrgUnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

/** The organisation's org units, for the read model's scopes, targets and alerts. */
@Injectable()
export class OrgUnitRepository {
  async all(em: EntityManager, organisationId: string): Promise<OrgUnitRow[]> {
    return (await em.query(`SELECT id, code, name, parent_id AS "parentId" FROM org_unit WHERE organisation_id = $1`, [organisationId])) as OrgUnitRow[];
  }
}
