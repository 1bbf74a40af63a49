import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The catalogue reads of the simulator (services with their M57 function), on the tenant's EntityManager. */
@Injectable()
export class SimulationsRepository {
  async services(em: EntityManager, organisationId: string): Promise<Map<string, { label: string; functionCode: string }>> {
    const rows: { code: string; label: string; function_code: string }[] = await em.query(
      `SELECT code, label, function_code FROM service WHERE organisation_id = $1`,
      [organisationId],
    );
    return new Map(rows.map((r) => [r.code, { label: r.label, functionCode: r.function_code }]));
  }
}
