import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progressive login delays per address (issue 15, finding 5), replacing the hard lock-out on app_user: one row per
 * hashed e-mail address, whether an account exists or not (no tenant, no foreign key). levier_app may read it, so the
 * users list can show a delay in progress; only the owner connection (login, before any tenant) writes it.
 */
export class CreateLoginThrottle1795699000000 implements MigrationInterface {
  name = 'CreateLoginThrottle1795699000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "login_throttle" (
      "address_hash" character varying(64) NOT NULL,
      "failures" integer NOT NULL DEFAULT 0 CHECK ("failures" >= 0),
      "blocked_until" TIMESTAMP WITH TIME ZONE,
      "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_login_throttle" PRIMARY KEY ("address_hash"))`);
    await q.query(`CREATE INDEX "IDX_login_throttle_last_failure" ON "login_throttle" ("last_failure_at")`);
    await q.query(
      `DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'levier_app') THEN GRANT SELECT ON "login_throttle" TO levier_app; END IF; END $$`,
    );
    // the hard lock is gone: no account stays locked by the old rule
    await q.query(`UPDATE "app_user" SET "locked_until" = NULL, "failed_logins" = 0`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "login_throttle"`);
  }
}
