import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows carry `organisation_id`. */
const TENANT_TABLES = [
  'app_user',
  'org_unit',
  'role_assignment',
  'service',
  'metric',
  'figure',
  'submission',
  'period_status',
  'audit_log',
  'unit_cost',
  'price_index',
  'outcome_assumption',
  'methodology_version',
  'custom_indicator',
  'indicator_target',
  'indicator_value',
  'staff_need',
  'redeployment',
  'budget_transfer',
  'in_kind_loan',
  'report_subscription',
  'report_delivery',
];
const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;

/**
 * The second wall of tenant isolation (docs/product-rules.md#access-and-security): the role `levier_app`, which the API and worker switch to
 * for tenant work (`SET LOCAL ROLE`), owns nothing and cannot bypass row-level security; every tenant table
 * only shows it the rows of the organisation set in `levier.organisation_id`.
 */
export class EnableRowLevelSecurity1795673400000 implements MigrationInterface {
  name = 'EnableRowLevelSecurity1795673400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'levier_app') THEN
        CREATE ROLE levier_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
    END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO levier_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO levier_app`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO levier_app`);
    await q.query(`REVOKE ALL ON typeorm_migrations FROM levier_app`);
    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON "${table}" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    }
    await q.query(`ALTER TABLE "organisation" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON "organisation" USING (id = ${TENANT}) WITH CHECK (id = ${TENANT})`);
    await q.query(`ALTER TABLE "service_org_unit" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON "service_org_unit" USING (EXISTS (SELECT 1 FROM service s WHERE s.id = service_id))`);
    await q.query(`ALTER TABLE "refresh_token" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON "refresh_token" USING (EXISTS (SELECT 1 FROM app_user u WHERE u.id = user_id))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES, 'organisation', 'service_org_unit', 'refresh_token']) {
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await q.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM levier_app`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM levier_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM levier_app`);
  }
}
