import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Database role of the application: not the tables' owner, subject to row-level security. */
export const APP_DB_ROLE = 'levier_app';

/**
 * Runs work for one organisation in a transaction where PostgreSQL itself enforces tenant isolation:
 * `SET LOCAL ROLE levier_app` (no BYPASSRLS) and `levier.organisation_id` for the RLS policies.
 * Application queries still filter by organisation: row-level security is the second wall.
 */
@Injectable()
export class TenantDb {
  private readonly current = new AsyncLocalStorage<{ organisationId: string; em: EntityManager }>();

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(organisationId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const store = this.current.getStore();
    if (store) {
      if (store.organisationId !== organisationId) throw new Error('Contexte de locataire imbriqué pour une autre organisation');
      return work(store.em);
    }
    return this.dataSource.transaction(async (em) => {
      // one round trip: SET LOCAL ROLE and the tenant of the RLS policies, both undone at commit or rollback
      await em.query(`SELECT set_config('role', $1, true), set_config('levier.organisation_id', $2, true)`, [APP_DB_ROLE, organisationId]);
      return this.current.run({ organisationId, em }, () => work(em));
    });
  }
}
