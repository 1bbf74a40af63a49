import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ReallocationPayload } from '../../reallocation/reallocation-input';

export interface StoredReallocation {
  period: string;
  payload: ReallocationPayload;
  computedAt: Date;
}

/** Queries of the `reallocation_value` read model (the records themselves are read through reallocation/'s repository). */
@Injectable()
export class ReallocationValuesRepository {
  /** One reallocation recompute per organisation at a time (advisory lock released at commit). */
  async lock(em: EntityManager, organisationId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('recompute-reallocation-' || $1))`, [organisationId]);
  }

  async replace(em: EntityManager, organisationId: string, rows: readonly { period: string; payload: ReallocationPayload }[], now: Date): Promise<void> {
    await em.query(`DELETE FROM reallocation_value WHERE organisation_id = $1`, [organisationId]);
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO reallocation_value (organisation_id, period, payload, computed_at)
       SELECT $1, u.period, u.payload, $2 FROM unnest($3::text[], $4::jsonb[]) AS u(period, payload)`,
      [organisationId, now, rows.map((r) => r.period), rows.map((r) => JSON.stringify(r.payload))],
    );
  }

  async stored(em: EntityManager, organisationId: string): Promise<StoredReallocation[]> {
    return (await em.query(`SELECT period, payload, computed_at AS "computedAt" FROM reallocation_value WHERE organisation_id = $1 ORDER BY period`, [
      organisationId,
    ])) as StoredReallocation[];
  }
}
