import Decimal from 'decimal.js';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { SubmissionsService } from '../../apps/api/src/figures/submissions.service';
import { IngestionService } from '../../apps/api/src/figures/ingestion/ingestion.service';
import { PeriodsService } from '../../apps/api/src/figures/periods.service';
import type { AuthUser } from '../../apps/api/src/tenancy/auth-user';
import { createScopedUser } from '../factories/scoped-users.factory';
import { createTestDatabase, TestDatabase, uniqueQueuePrefix } from '../setup/test-database';
import { startTestProducer, startTestWorker } from '../setup/test-worker';
import { auditCount, authUserOf, csvFile, expectedFixtures, figuresBody, figuresByKey, fixtureFile, waitForSubmission } from '../factories/ingestion.factory';

const keyOf = (r: { orgUnit: string; service: string; metric: string; period: string }): string => `${r.orgUnit}|${r.service}|${r.metric}|${r.period}`;

describe('ingestion pipeline (real PostgreSQL, Redis and BullMQ worker)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let producer: TestingModule;
  let worker: TestingModule;
  let finance: AuthUser;
  let valmontId: string;
  const expected = expectedFixtures();
  const sut = (): SubmissionsService => producer.get(SubmissionsService);

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    finance = await authUserOf(ds, 'finance@valmont.demo');
    valmontId = finance.organisationId;
    const prefix = uniqueQueuePrefix();
    producer = await startTestProducer(db.url, prefix);
    worker = await startTestWorker(db.url, prefix);
  });
  afterAll(async () => {
    await worker?.close();
    await producer?.close();
    await db?.drop();
  });

  describe.each(Object.keys(expected).filter((name) => expected[name].rows !== undefined))('fixture %s', (name) => {
    it('is applied with exactly the expected figures, one audit row per changed figure', async () => {
      const before = await figuresByKey(ds, valmontId);
      const accepted = await sut().submitFile(finance, fixtureFile(name), undefined);
      expect(accepted).toMatchObject({ status: 'received', created: true });

      const done = await waitForSubmission(ds, accepted.id);
      expect(done).toMatchObject({ status: 'applied', errors: [] });
      const rows = expected[name].rows!;
      expect(done.rowCount).toBe(rows.length);
      expect(done.appliedCount).toBe(rows.length);
      const after = await figuresByKey(ds, valmontId);
      for (const row of rows) expect(new Decimal(after.get(keyOf(row)) ?? 'NaN').eq(row.value)).toBe(true);
      const changed = rows.filter((r) => before.get(keyOf(r)) === undefined || !new Decimal(before.get(keyOf(r))!).eq(r.value)).length;
      expect(await auditCount(ds, `submission_id = $1 AND action = 'figure.upsert'`, [accepted.id])).toBe(changed);
    });
  });

  it('flags the March AED spend of the Windows-1252 file (a hundred times its usual level) as an outlier, and applies it', async () => {
    const accepted = await sut().submitFile(finance, fixtureFile('figures-2024-q1-windows1252.csv', { originalname: 'relance.csv' }), 'q1-again');
    const done = await waitForSubmission(ds, accepted.id);
    expect(done.status).toBe('applied');
    expect(done.flags).toContainEqual({
      line: 6,
      kind: 'outlier',
      // the figure in words: unit, service and indicator by label, the period as « mars 2024 »
      message: expect.stringMatching(
        /^Valeur inhabituelle : \d+ fois l’écart habituel au-dessus de la médiane\. .* pour Antenne Valmont \w+ · Aide éducative à domicile \(AED\) · Dépenses \(mars 2024\),/,
      ),
    });
  });

  it('rejects the error file as a whole, reports every error by line and column, and applies nothing', async () => {
    const before = await figuresByKey(ds, valmontId);
    const auditBefore = await auditCount(ds, 'organisation_id = $1', [valmontId]);
    const accepted = await sut().submitFile(finance, fixtureFile('figures-errors-semicolon.csv'), undefined);
    const done = await waitForSubmission(ds, accepted.id);

    const spec = expected['figures-errors-semicolon.csv'];
    expect(done).toMatchObject({ status: 'rejected', appliedCount: spec.applied });
    expect(done.errors.map((e) => [e.line, e.column, e.value])).toEqual(spec.errors!.map((e) => [e.line, e.column, e.value]));
    for (const e of done.errors) expect(e.message.length).toBeGreaterThan(10);
    expect(await figuresByKey(ds, valmontId)).toEqual(before);
    expect(await auditCount(ds, 'organisation_id = $1', [valmontId])).toBe(auditBefore);
  });

  it("rejects rows for units outside the submitter's finance subtree, naming each one, and applies nothing", async () => {
    await createScopedUser(ds, 'CCAS de Valmont', 'finance-nord@valmont.test', [['finance', 'VALMONT-NORD']]);
    const nord = await authUserOf(ds, 'finance-nord@valmont.test');
    const before = await figuresByKey(ds, valmontId);
    const mixed = figuresBody([
      { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-10', value: '50100' },
      { orgUnit: 'VALMONT-SUD', service: 'AED', metric: 'spend', period: '2024-10', value: '20100' },
    ]);
    const rejected = await waitForSubmission(ds, (await sut().submitJson(nord, mixed, undefined)).id);
    expect(rejected.status).toBe('rejected');
    expect(rejected.errors).toEqual([
      {
        line: 2,
        column: 'orgUnit',
        value: 'VALMONT-SUD',
        code: 'unit_out_of_scope',
        message: expect.stringMatching(/^Unité VALMONT-SUD hors de votre périmètre.*VALMONT-NORD/),
      },
    ]);
    expect(await figuresByKey(ds, valmontId)).toEqual(before);

    const own = figuresBody([{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-10', value: '50100' }]);
    expect((await waitForSubmission(ds, (await sut().submitJson(nord, own, undefined)).id)).status).toBe('applied');
  });

  it('treats the same file sent twice as one submission, applied once', async () => {
    const file = csvFile('unite;service;indicateur;periode;valeur\nVALMONT-NORD;SAAD;spend;2024-11;61 234,50\n');
    const first = await sut().submitFile(finance, file, undefined);
    const second = await sut().submitFile(finance, file, undefined);
    // The worker may already have moved the submission on between the two calls: the id is what must match.
    expect(second).toMatchObject({ id: first.id, created: false });
    expect(['received', 'validating', 'applied']).toContain(second.status);
    await waitForSubmission(ds, first.id);
    expect(await auditCount(ds, 'submission_id = $1', [first.id])).toBe(1);
    expect(Number((await ds.query(`SELECT count(*)::int AS n FROM submission WHERE idempotency_key LIKE 'file:%' AND payload = $1`, [file.buffer]))[0].n)).toBe(
      1,
    );
  });

  it('treats the same JSON with the same Idempotency-Key as one submission, even sent concurrently', async () => {
    const body = figuresBody([{ orgUnit: 'VALMONT-SUD', service: 'AED', metric: 'person_months', period: '2024-11', value: '47' }], { source: 'grid' });
    const results = await Promise.all(Array.from({ length: 5 }, () => sut().submitJson(finance, body, 'grille-2024-11-sud')));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const done = await waitForSubmission(ds, results[0].id);
    expect(done.status).toBe('applied');
    expect(await auditCount(ds, 'submission_id = $1', [results[0].id])).toBe(1);
    const again = await sut().submitJson(finance, body, 'grille-2024-11-sud');
    expect(again).toEqual({ id: results[0].id, status: 'applied', created: false });
  });

  it('applies a submission once when its job runs several times at once', async () => {
    const accepted = await sut().submitJson(
      finance,
      figuresBody([{ orgUnit: 'VALMONT-NORD', service: 'PORTAGE_REPAS', metric: 'meals', period: '2024-12', value: '2999' }]),
      undefined,
    );
    const ingestion = worker.get(IngestionService);
    const outcomes = await Promise.all([ingestion.process(accepted.id), ingestion.process(accepted.id), ingestion.process(accepted.id)]);
    await waitForSubmission(ds, accepted.id);
    expect(outcomes.filter((o) => o === 'applied').length).toBeLessThanOrEqual(1);
    expect(await auditCount(ds, 'submission_id = $1', [accepted.id])).toBe(1);
    expect(await ingestion.process(accepted.id)).toBe('finished');
  });

  it('numbers JSON rows from 1 and names the fields in its errors', async () => {
    const accepted = await sut().submitJson(
      finance,
      figuresBody([
        { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-11', value: '100' },
        { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'beneficiaries', period: '2024-11', value: '2,5' },
      ]),
      undefined,
    );
    const done = await waitForSubmission(ds, accepted.id);
    expect(done.status).toBe('rejected');
    expect(done.errors).toEqual([expect.objectContaining({ line: 2, column: 'value', value: '2,5' })]);
  });

  it('refuses figures of an approved period until it is reopened with a reason', async () => {
    const periods = producer.get(PeriodsService);
    await periods.act(finance, 'submit', { orgUnit: 'VALMONT-SUD', period: '2024-09' });
    // four eyes: someone other than the submitter approves
    await periods.act(await authUserOf(ds, 'admin@valmont.demo'), 'approve', { orgUnit: 'VALMONT-SUD', period: '2024-09' });
    const body = figuresBody([{ orgUnit: 'VALMONT-SUD', service: 'SAAD', metric: 'hours', period: '2024-09', value: '1500.5' }]);
    const refused = await waitForSubmission(ds, (await sut().submitJson(finance, body, undefined)).id);
    expect(refused.status).toBe('rejected');
    expect(refused.errors).toEqual([
      expect.objectContaining({ line: 1, column: 'period', value: '2024-09', message: expect.stringMatching(/approuvée.*rouvrez-la avec un motif/) }),
    ]);

    await periods.act(finance, 'reopen', { orgUnit: 'VALMONT-SUD', period: '2024-09', reason: 'Heures de septembre corrigées par le prestataire' });
    const applied = await waitForSubmission(ds, (await sut().submitJson(finance, body, undefined)).id);
    expect(applied.status).toBe('applied');
    expect(await auditCount(ds, `action = 'period.reopen' AND reason LIKE 'Heures de septembre%'`, [])).toBe(1);
  });
});
