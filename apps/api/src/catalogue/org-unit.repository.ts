import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** An org unit as its readers need it: to resolve a scope, to name a unit, to keep a caller in their subtree. */
export interface OrgUnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

/**
 * The organisation's org units, the one query of the whole tree: the read model's scopes, targets and alerts, the
 * indicators' scope, the initiatives' and the simulations' subtrees.
 */
@Injectable()
export class OrgUnitRepository {
  async all(em: EntityManager, organisationId: string): Promise<OrgUnitRow[]> {
    return (await em.query(`SELECT id, code, name, parent_id AS "parentId" FROM org_unit WHERE organisation_id = $1`, [organisationId])) as OrgUnitRow[];
  }
}
