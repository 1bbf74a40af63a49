import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { HistoryRepository } from '../../apps/api/src/figures/history.repository';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

/** The demo's method history: 2023 approved and frozen under method 1, method 2 current from 2024 (issue 20). */
describe('seedDemo method history', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let valmontId: string;
  let versions: {
    id: string;
    version: number;
    label: string;
    effective_from: string;
    parameters: Record<string, unknown>;
    snapshot: Record<string, unknown[]>;
  }[];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    const seeded = await seedDemo(ds);
    valmontId = seeded.organisations.find((o) => o.name === 'CCAS de Valmont')!.id;
    versions = await ds.query(
      `SELECT id, version, label, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, parameters, snapshot
         FROM methodology_version WHERE organisation_id = $1 ORDER BY version`,
      [valmontId],
    );
  });
  afterAll(async () => {
    await db.drop();
  });

  it('writes method 1 (conventions 1, from 2023) and method 2 (conventions 2, from 2024), each with a full snapshot', () => {
    expect(versions.map((v) => [v.version, v.effective_from, v.parameters.conventions])).toEqual([
      [1, '2023-01-01', 1],
      [2, '2024-01-01', 2],
    ]);
    const [one, two] = versions;
    expect(Object.keys(one.snapshot).sort()).toEqual(['assumptions', 'priceIndices', 'unitCosts']);
    const saad = (v: (typeof versions)[number]) =>
      (v.snapshot.assumptions as { service: string; params: Record<string, unknown> }[]).find((a) => a.service === 'SAAD')!.params;
    expect(saad(one)).toMatchObject({ durationYears: 3, dropOff: '0.20' });
    expect(saad(one)).not.toHaveProperty('substitutionCost');
    expect(saad(two)).toMatchObject({ quantityPerEvent: '182.5', substitutionCost: 'JOURNEE_DOMICILE_APA_SSIAD' });
    expect(saad(two)).not.toHaveProperty('durationYears');
    expect(two.snapshot.unitCosts.length).toBe(one.snapshot.unitCosts.length + 1);
  });

  it('approves every 2023 period under method 1 and freezes its « tel que publié » values with method 1', async () => {
    const approvals: { version: number; n: number }[] = await ds.query(
      `SELECT v.version, count(*)::int AS n FROM period_status ps JOIN methodology_version v ON v.id = ps.approved_methodology_version_id
        WHERE ps.organisation_id = $1 AND ps.status = 'approved' GROUP BY v.version`,
      [valmontId],
    );
    expect(approvals).toEqual([{ version: 1, n: 2 * 12 + 2 * 4 }]);
    const reported: { version: number; periods: string[] }[] = await ds.query(
      `SELECT v.version, array_agg(DISTINCT r.period ORDER BY r.period) AS periods
         FROM indicator_value r JOIN methodology_version v ON v.id = r.methodology_version_id
        WHERE r.organisation_id = $1 AND r.basis = 'reported' GROUP BY v.version`,
      [valmontId],
    );
    expect(reported.map((r) => r.version)).toEqual([1]);
    expect(reported[0].periods.every((p) => p.startsWith('2023'))).toBe(true);
  });

  it('computes every period under method 2 as the current method, so 2023 differs between the two bases', async () => {
    const current: { version: number }[] = await ds.query(
      `SELECT DISTINCT v.version FROM indicator_value r JOIN methodology_version v ON v.id = r.methodology_version_id
        WHERE r.organisation_id = $1 AND r.basis = 'current'`,
      [valmontId],
    );
    expect(current).toEqual([{ version: 2 }]);
    const [{ same, differ }]: { same: number; differ: number }[] = await ds.query(
      `SELECT count(*) FILTER (WHERE r.gross_savings::text = c.gross_savings::text)::int AS same,
              count(*) FILTER (WHERE r.gross_savings::text <> c.gross_savings::text)::int AS differ
         FROM indicator_value r JOIN indicator_value c
           ON c.org_unit_id = r.org_unit_id AND c.service_id = r.service_id AND c.period = r.period AND c.basis = 'current'
        WHERE r.organisation_id = $1 AND r.basis = 'reported'`,
      [valmontId],
    );
    // every frozen 2023 row is still there under the current method, and the savings rows at least moved (AED, SAAD, Logement d'abord)
    expect(same + differ).toBeGreaterThan(0);
    expect(differ).toBeGreaterThan(0);
  });

  it('stores each service’s note, shown on the dashboard', async () => {
    const notes: { code: string; note: string | null }[] = await ds.query(`SELECT code, note FROM service WHERE organisation_id = $1 ORDER BY code`, [
      valmontId,
    ]);
    expect(notes.filter((n) => !n.note).map((n) => n.code)).toEqual([]);
    expect(notes.find((n) => n.code === 'PORTAGE_REPAS')!.note).toContain('déficitaire');
  });

  it('starts each demo figure’s history with its creation, audited like an import’s (approved 2023 and draft 2024 alike)', async () => {
    const figures: { id: string; value: string; period: string }[] = await ds.query(
      `SELECT DISTINCT ON (f.period LIKE '2023%') f.id, f.value::text AS value, f.period
         FROM figure f JOIN metric m ON m.id = f.metric_id
        WHERE f.organisation_id = $1 AND m.code = 'spend' ORDER BY f.period LIKE '2023%', f.period`,
      [valmontId],
    );
    expect(figures.map((f) => f.period)).toEqual(['2024-01', '2023-01']);
    for (const figure of figures) {
      const history = await new HistoryRepository().figure(ds.manager, valmontId, figure.id);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({
        old: null,
        new: figure.value,
        source: 'import',
        actorId: null,
        submissionId: null,
        reason: 'Données de démonstration',
      });
    }
    const [{ batches, listed }]: { batches: number; listed: number }[] = await ds.query(
      `SELECT count(*)::int AS batches, sum((before->>'count')::int)::int AS listed FROM audit_log
        WHERE organisation_id = $1 AND entity = 'figure_batch'`,
      [valmontId],
    );
    const [{ stored }]: { stored: number }[] = await ds.query(`SELECT count(*)::int AS stored FROM figure WHERE organisation_id = $1`, [valmontId]);
    expect(batches).toBeGreaterThan(0);
    expect(listed).toBe(stored);
  });
});
