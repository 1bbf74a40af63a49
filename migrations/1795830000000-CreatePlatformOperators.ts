import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Instance operators (issue 17, item 7): the people who run a Levier deployment and may open the queue dashboard,
 * which shows every organisation's jobs. Not a role of an organisation: granted and revoked only from the command
 * line (`levier operator:grant`), never through the API, so no CCAS administrator can make himself one. Read on the
 * owner connection only: the tenant role `levier_app` gets nothing on this table.
 */
export class CreatePlatformOperators1795830000000 implements MigrationInterface {
  name = 'CreatePlatformOperators1795830000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "platform_operator" (
        "user_id" uuid PRIMARY KEY REFERENCES "app_user"("id") ON DELETE CASCADE,
        "may_retry" boolean NOT NULL DEFAULT false,
        "granted_at" timestamptz NOT NULL DEFAULT now()
      )`,
    );
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'levier_app') THEN
        REVOKE ALL ON "platform_operator" FROM levier_app;
      END IF;
    END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "platform_operator"`);
  }
}
