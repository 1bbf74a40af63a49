import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { ScopePeriodsRepository } from '../../apps/api/src/indicators/savings/scope-periods.repository';
import { coverageOf, type PeriodCoverage, type ScopeCoverage } from '../../apps/api/src/indicators/savings/scope-periods';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

const sorted = (c: ScopeCoverage): ScopeCoverage => ({
  expectedPairs: c.expectedPairs,
  codes: [...c.codes].sort((a: PeriodCoverage, b: PeriodCoverage) => a.period.localeCompare(b.period)),
});

/**
 * The months of a scope are summed per period code in the database (ScopePeriodsRepository.coverage); `coverageOf`
 * states the same definition over the raw rows. Both must agree, on every unit of the demo, with periods in every state.
 */
describe('scope coverage summed in the database', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    // a submitted period beside the demo's approved and draft ones, and a quarterly code on a monthly service
    await ds.query(
      `UPDATE period_status SET status = 'submitted' WHERE id = (SELECT id FROM period_status WHERE status <> 'submitted' ORDER BY period DESC LIMIT 1)`,
    );
    await ds.query(`SELECT levier_ensure_figure_partition(2031)`); // inserted directly below, not through FigureWriter
    await ds.query(
      `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source)
       SELECT organisation_id, org_unit_id, service_id, metric_id, '2031-Q1', 1, 'draft', 'api' FROM figure LIMIT 1`,
    );
  }, 120_000);
  afterAll(async () => {
    await db.drop();
  }, 60_000);

  it('gives what coverageOf gives from the rows, for every unit', async () => {
    const units = (await ds.query(`SELECT id, organisation_id AS org FROM org_unit`)) as { id: string; org: string }[];
    const sut = new ScopePeriodsRepository();
    let checked = 0;
    for (const unit of units) {
      const leaves = (
        (await ds.query(
          `WITH RECURSIVE t AS (SELECT id FROM org_unit WHERE id = $1 UNION ALL SELECT u.id FROM org_unit u JOIN t ON u.parent_id = t.id)
           SELECT t.id FROM t WHERE NOT EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = t.id)`,
          [unit.id],
        )) as { id: string }[]
      ).map((l) => l.id);
      const [expected, entered, statuses] = await Promise.all([
        ds.query(
          `SELECT l.org_unit_id AS "leafId", s.id AS "serviceId", s.granularity FROM service s JOIN service_org_unit l ON l.service_id = s.id
            WHERE s.organisation_id = $1 AND l.org_unit_id = ANY($2::uuid[])`,
          [unit.org, leaves],
        ),
        ds.query(
          `SELECT DISTINCT org_unit_id AS "leafId", service_id AS "serviceId", period FROM figure WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[])`,
          [unit.org, leaves],
        ),
        ds.query(`SELECT org_unit_id AS "leafId", period, status FROM period_status WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[])`, [
          unit.org,
          leaves,
        ]),
      ]);
      const fromRows = coverageOf({
        expected,
        entered,
        statuses: new Map((statuses as { leafId: string; period: string; status: string }[]).map((s) => [`${s.leafId}|${s.period}`, s.status])),
      });
      const fromDatabase = await new TenantDb(ds).run(unit.org, (em) => sut.coverage(em, unit.org, leaves));
      expect(sorted(fromDatabase)).toEqual(sorted(fromRows));
      if (fromRows.codes.length > 0) checked += 1;
    }
    expect(checked).toBeGreaterThan(3);
    const states = (await ds.query(`SELECT DISTINCT status FROM period_status ORDER BY 1`)) as { status: string }[];
    expect(states.map((s) => s.status)).toEqual(expect.arrayContaining(['approved', 'submitted']));
  });
});
