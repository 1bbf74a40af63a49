import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { APP_DB_ROLE, TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

/**
 * Row-level security is the second wall of tenant isolation (migrations/1795673400000-EnableRowLevelSecurity.ts). These
 * checks read the migrated schema itself, so a new table with an `organisation_id` column that a migration forgets to
 * protect fails the suite, whoever adds it: the list of tenant tables is derived from information_schema, never written.
 *
 * FORCE ROW LEVEL SECURITY is deliberately not required. The API and the worker run tenant work as `levier_app`
 * (`SET LOCAL ROLE`, platform/database/tenant-db.ts), which owns no table, so the policies always apply to it; FORCE only
 * changes what the tables' owner sees, and the owner connection is exactly what the cross-tenant paths use on purpose
 * (login, refresh, password reset look a user up by e-mail before any tenant is known, tenancy/auth.service.ts). With a
 * non-superuser owner FORCE would hide every user from login; with a superuser owner (the default) it would do nothing.
 * What makes FORCE unnecessary is asserted instead: the application role owns no tenant table, does not inherit the
 * owner's rights, and has neither SUPERUSER nor BYPASSRLS.
 */
interface TenantTable {
  table: string;
  rls: boolean;
  forced: boolean;
  owner: string;
  appInheritsOwner: boolean;
}
interface Policy {
  table: string;
  name: string;
  cmd: string;
  roles: string[];
  qual: string | null;
  withCheck: string | null;
}

/** `organisation_id = current tenant`, as written by every tenant policy (pg_get_expr's rendering). */
const TENANT_PREDICATE = /\borganisation_id\s*=\s*\(?\s*\(?\s*NULLIF\s*\(\s*current_setting\s*\(\s*'levier\.organisation_id'/i;

describe('row-level security coverage of tenant tables', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let tables: TenantTable[];
  let policies: Policy[];
  let valmont: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    const seeded = await seedDemo(ds);
    valmont = seeded.organisations.find((o) => o.name === 'CCAS de Valmont')!.id;
    tables = await ds.query(
      `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced, pg_get_userbyid(c.relowner) AS owner,
                pg_has_role($1, c.relowner, 'USAGE') AS "appInheritsOwner"
           FROM information_schema.columns col
           JOIN pg_class c ON c.relname = col.table_name AND c.relnamespace = 'public'::regnamespace
          WHERE col.table_schema = 'public' AND col.column_name = 'organisation_id' AND c.relkind IN ('r', 'p')
          ORDER BY c.relname`,
      [APP_DB_ROLE],
    );
    policies = await ds.query(
      `SELECT tablename AS table, policyname AS name, cmd, roles::text[] AS roles, qual, with_check AS "withCheck"
         FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename, policyname`,
    );
  }, 120_000);
  afterAll(async () => {
    await db.drop();
  }, 60_000);

  it('finds the tenant tables from the schema (the list is derived, not written)', () => {
    // a floor, not the list: the tables of the first migrations must be among them, new ones come for free
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(['figure', 'unit_cost', 'indicator_value', 'report_delivery', 'app_user']));
    expect(tables.length).toBeGreaterThanOrEqual(22);
  });

  it('has row-level security enabled on every table with an organisation_id column', () => {
    expect(tables.filter((t) => !t.rls).map((t) => t.table)).toEqual([]);
  });

  it('gives every such table a policy for all commands that keeps reads and writes to the current organisation', () => {
    const missing = tables
      .map((t) => t.table)
      .filter((table) => {
        const mine = policies.filter((p) => p.table === table);
        return !mine.some(
          (p) =>
            p.cmd === 'ALL' &&
            (p.roles.includes('public') || p.roles.includes(APP_DB_ROLE)) &&
            TENANT_PREDICATE.test(p.qual ?? '') &&
            // without WITH CHECK PostgreSQL applies USING to new rows too; when given it must be the same predicate
            (p.withCheck === null || TENANT_PREDICATE.test(p.withCheck)),
        );
      });
    expect(missing).toEqual([]);
  });

  it('has no permissive policy besides the tenant one on a tenant table (PostgreSQL ORs permissive policies)', () => {
    const extra = policies.filter((p) => tables.some((t) => t.table === p.table) && !TENANT_PREDICATE.test(p.qual ?? '')).map((p) => `${p.table}.${p.name}`);
    expect(extra).toEqual([]);
  });

  it('runs tenant work as a role the policies always apply to, which is why FORCE ROW LEVEL SECURITY is not needed', async () => {
    const [role] = await ds.query(`SELECT rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = $1`, [APP_DB_ROLE]);
    expect(role).toEqual({ super: false, bypass: false });
    expect(tables.filter((t) => t.owner === APP_DB_ROLE || t.appInheritsOwner).map((t) => t.table)).toEqual([]);
  });

  it('grants the application role the rows it needs on every tenant table (a new table without GRANT would fail every request)', async () => {
    const ungranted: string[] = [];
    for (const { table } of tables) {
      const [{ ok }] = await ds.query(`SELECT has_table_privilege($1, $2, 'SELECT, INSERT, UPDATE, DELETE') AS ok`, [APP_DB_ROLE, `public.${table}`]);
      if (!ok) ungranted.push(table);
    }
    expect(ungranted).toEqual([]);
  });

  it('hides from the application role, on every seeded tenant table, the rows of the other organisation', async () => {
    const leaks: string[] = [];
    const exercised: string[] = [];
    for (const { table } of tables) {
      const [{ others }] = await ds.query(`SELECT count(*)::int AS others FROM "${table}" WHERE organisation_id <> $1`, [valmont]);
      const [{ seen }] = await new TenantDb(ds).run(valmont, (em) =>
        em.query(`SELECT count(*)::int AS seen FROM "${table}" WHERE organisation_id <> $1`, [valmont]),
      );
      if (others > 0) exercised.push(table);
      if (seen !== 0) leaks.push(`${table}: ${seen}`);
    }
    expect(leaks).toEqual([]);
    // the demo gives the second organisation rows in most tables: the check above is not vacuous
    expect(exercised.length).toBeGreaterThanOrEqual(10);
  });
});
