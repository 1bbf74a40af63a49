import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TreeNode } from '../catalogue/org-tree';

/** The catalogue reads of the simulator (services with their M57 function, the unit tree), on the tenant's EntityManager. */
@Injectable()
export class SimulationsRepository {
  async services(em: EntityManager, organisationId: string): Promise<Map<string, { label: string; functionCode: string }>> {
    const rows: { code: string; label: string; function_code: string }[] = await em.query(
      `SELECT code, label, function_code FROM service WHERE organisation_id = $1`,
      [organisationId],
    );
    return new Map(rows.map((r) => [r.code, { label: r.label, functionCode: r.function_code }]));
  }

  async orgUnits(em: EntityManager, organisationId: string): Promise<TreeNode[]> {
    return (await em.query(`SELECT id, code, parent_id AS "parentId" FROM org_unit WHERE organisation_id = $1`, [organisationId])) as TreeNode[];
  }
}
