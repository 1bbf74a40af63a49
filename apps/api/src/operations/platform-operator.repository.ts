import { EntityManager } from 'typeorm';

/**
 * The writes and reads of `levier operator:*` on `platform_operator` (not a tenant's table: the owner connection's
 * EntityManager). The API reads the rights through {@link PlatformOperators}.
 */
export class PlatformOperatorRepository {
  async list(em: EntityManager): Promise<{ email: string; mayRetry: boolean }[]> {
    const rows: { email: string; may_retry: boolean }[] = await em.query(
      `SELECT u.email, o.may_retry FROM platform_operator o JOIN app_user u ON u.id = o.user_id ORDER BY u.email`,
    );
    return rows.map((r) => ({ email: r.email, mayRetry: r.may_retry }));
  }

  async accountByEmail(em: EntityManager, email: string): Promise<{ id: string; organisationId: string } | null> {
    const rows: { id: string; organisation_id: string }[] = await em.query(`SELECT id, organisation_id FROM app_user WHERE email = $1`, [email]);
    return rows[0] === undefined ? null : { id: rows[0].id, organisationId: rows[0].organisation_id };
  }

  async rightsOf(em: EntityManager, userId: string): Promise<{ mayRetry: boolean } | null> {
    const rows: { may_retry: boolean }[] = await em.query(`SELECT may_retry FROM platform_operator WHERE user_id = $1`, [userId]);
    return rows[0] === undefined ? null : { mayRetry: rows[0].may_retry };
  }

  async grant(em: EntityManager, userId: string, mayRetry: boolean): Promise<void> {
    await em.query(`INSERT INTO platform_operator (user_id, may_retry) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET may_retry = EXCLUDED.may_retry`, [
      userId,
      mayRetry,
    ]);
  }

  async revoke(em: EntityManager, userId: string): Promise<void> {
    await em.query(`DELETE FROM platform_operator WHERE user_id = $1`, [userId]);
  }
}
