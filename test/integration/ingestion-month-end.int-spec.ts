import { ConflictException, ForbiddenException } from '@nestjs/common';
import { TestingModule } from '@nestjs/testing';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { SubmissionsService } from '../../apps/api/src/figures/submissions.service';
import { FiguresService } from '../../apps/api/src/figures/figures.service';
import { PeriodsService } from '../../apps/api/src/figures/periods.service';
import { ApprovalSettingsService } from '../../apps/api/src/figures/approval/approval-settings.service';
import { ImportTemplateRepository } from '../../apps/api/src/figures/import-templates/import-template.repository';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import type { SubmissionPreview } from '../../apps/api/src/figures/submission.entity';
import type { AuthUser } from '../../apps/api/src/tenancy/auth-user';
import type { UploadedFigureFile } from '../../apps/api/src/figures/submissions.service';
import { createTestDatabase, TestDatabase, uniqueQueuePrefix } from '../setup/test-database';
import { startTestProducer, startTestWorker } from '../setup/test-worker';
import { auditCount, authUserOf, csvFile, figuresByKey, waitForSubmission } from '../factories/ingestion.factory';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook of our own: each sheet its rows, as the finance director's spreadsheet would hold them. */
const xlsxFile = async (name: string, sheets: Record<string, (string | number | Date | null)[][]>): Promise<UploadedFigureFile> => {
  const workbook = new Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(sheetName);
    for (const row of rows) sheet.addRow(row);
  }
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), originalname: name, mimetype: XLSX_MIME };
};

const previewOf = async (ds: DataSource, id: string): Promise<SubmissionPreview> =>
  ((await ds.query(`SELECT preview FROM submission WHERE id = $1`, [id])) as { preview: SubmissionPreview }[])[0].preview;

describe('month-end imports: layouts, preview then apply, four eyes, history (real PostgreSQL, Redis and worker)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let producer: TestingModule;
  let worker: TestingModule;
  let finance: AuthUser;
  let admin: AuthUser;
  let valmontId: string;
  const sut = (): SubmissionsService => producer.get(SubmissionsService);

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    finance = await authUserOf(ds, 'finance@valmont.demo');
    admin = await authUserOf(ds, 'admin@valmont.demo');
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

  it('reads a sheet with months as columns and labels instead of codes, applied after a preview', async () => {
    const csv = [
      'Unité;Service;Indicateur;juil. 2025;2025-08;sept. 2025',
      'Antenne Nord;Portage de repas;Dépenses;1 200,50;1 300;',
      'antenne valmont sud;PORTAGE DE REPAS A DOMICILE;beneficiaires;41;42;43',
    ].join('\n');
    const accepted = await sut().submitFile(finance, csvFile(csv, { originalname: 'portage-ete.csv' }), undefined, { dryRun: true });
    const previewed = await waitForSubmission(ds, accepted.id);
    expect(previewed.status).toBe('previewed');
    expect(await previewOf(ds, accepted.id)).toMatchObject({ created: 5, changed: [], unchanged: 0, errors: [] });
    expect([...(await figuresByKey(ds, valmontId)).keys()].filter((k) => k.endsWith('|2025-07'))).toEqual([]);

    await sut().apply(finance, accepted.id, false);
    const applied = await waitForSubmission(ds, accepted.id);
    expect(applied).toMatchObject({ status: 'applied', appliedCount: 5 });
    const after = await figuresByKey(ds, valmontId);
    expect(after.get('VALMONT-NORD|PORTAGE_REPAS|spend|2025-07')).toBe('1200.50');
    expect(after.get('VALMONT-NORD|PORTAGE_REPAS|spend|2025-08')).toBe('1300');
    expect(after.has('VALMONT-NORD|PORTAGE_REPAS|spend|2025-09')).toBe(false);
    expect(after.get('VALMONT-SUD|PORTAGE_REPAS|beneficiaries|2025-09')).toBe('43');
  });

  it('reads a sheet with indicators as columns, and says « vouliez-vous dire » for a near miss in a label', async () => {
    const good = ['Unité;Service;Période;Dépenses;Bénéficiaires;Total', 'VALMONT-NORD;SAAD;oct. 2025;5 000;12;5012'].join('\n');
    const ok = await waitForSubmission(ds, (await sut().submitFile(finance, csvFile(good, { originalname: 'saad-oct.csv' }), undefined)).id);
    expect(ok).toMatchObject({ status: 'applied', appliedCount: 2 });
    expect((await figuresByKey(ds, valmontId)).get('VALMONT-NORD|SAAD|beneficiaries|2025-10')).toBe('12');

    const typo = ['Unité;Service;Période;Dépenses;Bénéficiares', 'VALMONT-NORD;SAAD;nov. 2025;5 000;12'].join('\n');
    const refused = await waitForSubmission(ds, (await sut().submitFile(finance, csvFile(typo, { originalname: 'saad-nov.csv' }), undefined)).id);
    expect(refused.status).toBe('rejected');
    expect(refused.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'Bénéficiares',
        value: 'Bénéficiares',
        message: expect.stringContaining('Vouliez-vous dire « Bénéficiaires » (beneficiaries) ?'),
      }),
    ]);
  });

  it('reads every sheet of a workbook, a title block above each header and the unit from the sheet name', async () => {
    const sheet = (spend: number): (string | number | Date | null)[][] => [
      ['Suivi mensuel des services — CCAS de Valmont'],
      [],
      ['Service', 'Indicateur', new Date(Date.UTC(2025, 10, 1)), new Date(Date.UTC(2025, 11, 1))],
      ['Aide à domicile renforcée (SAAD)', 'Heures d’intervention', spend, spend + 10],
    ];
    const file = await xlsxFile('saad-fin-2025.xlsx', { 'Antenne Nord': sheet(700), 'Antenne Sud': sheet(900), Notes: [['Chiffres provisoires']] });
    const done = await waitForSubmission(ds, (await sut().submitFile(finance, file, undefined)).id);
    expect(done).toMatchObject({ status: 'applied', appliedCount: 4, errors: [] });
    const after = await figuresByKey(ds, valmontId);
    expect(after.get('VALMONT-NORD|SAAD|hours|2025-11')).toBe('700');
    expect(after.get('VALMONT-NORD|SAAD|hours|2025-12')).toBe('710');
    expect(after.get('VALMONT-SUD|SAAD|hours|2025-11')).toBe('900');
  });

  it('reads a file its headers do not explain with a saved import template, offered again next month', async () => {
    const templates = producer.get(ImportTemplateRepository);
    const { id } = await producer.get(TenantDb).run(valmontId, (em) =>
      templates.save(
        em,
        valmontId,
        'Export comptable mensuel',
        {
          layout: 'long',
          columns: { service: 'Prestation', metric: 'Rubrique', period: 'Mois comptable', value: 'Montant HT' },
          constants: { orgUnit: 'VALMONT-SUD' },
          skipLines: [4],
        },
        finance.id,
      ),
    );
    const csv = ['Prestation;Rubrique;Mois comptable;Montant HT', 'AED;spend;2025-10;8 100', 'AED;spend;2025-11;8 200', 'TOTAL;;;16 300'].join('\n');
    const detected = await waitForSubmission(ds, (await sut().submitFile(finance, csvFile(csv, { originalname: 'export.csv' }), undefined)).id);
    expect(detected.status).toBe('rejected');
    expect(detected.errors[0].message).toMatch(/Correspondance des colonnes/);

    const mapped = await waitForSubmission(ds, (await sut().submitFile(finance, csvFile(csv, { originalname: 'export.csv' }), undefined, { template: id })).id);
    expect(mapped).toMatchObject({ status: 'applied', appliedCount: 2 });
    expect((await figuresByKey(ds, valmontId)).get('VALMONT-SUD|AED|spend|2025-11')).toBe('8200');
  });

  it('previews a dry run that changes stored values without writing anything, then applies it only once the overwrite is confirmed', async () => {
    const before = await figuresByKey(ds, valmontId);
    const old = before.get('VALMONT-NORD|PORTAGE_REPAS|spend|2024-01')!;
    const auditBefore = await auditCount(ds, 'organisation_id = $1', [valmontId]);
    const csv = ['Service;Indicateur;Unité;janv. 2024', `Portage de repas;Dépenses;Antenne Nord;${old === '9999' ? '9998' : '9999'}`].join('\n');
    const accepted = await sut().submitFile(finance, csvFile(csv, { originalname: 'correction-janvier.csv' }), undefined, { dryRun: true });
    expect(await waitForSubmission(ds, accepted.id)).toMatchObject({ status: 'previewed' });
    const preview = await previewOf(ds, accepted.id);
    expect(preview.created).toBe(0);
    expect(preview.changed).toEqual([
      expect.objectContaining({
        orgUnit: 'Antenne Valmont Nord',
        service: 'Portage de repas à domicile',
        metric: 'Dépenses',
        // the metric's unit, so a reader formats money by it (issue 13: not by the label)
        unit: '€',
        period: '2024-01',
        old,
        new: '9999',
      }),
    ]);
    expect(await figuresByKey(ds, valmontId)).toEqual(before);
    expect(await auditCount(ds, 'organisation_id = $1', [valmontId])).toBe(auditBefore);

    await expect(sut().apply(finance, accepted.id, false)).rejects.toThrow(ConflictException);
    await expect(sut().apply(finance, accepted.id, false)).rejects.toThrow(/remplace 1 valeur déjà saisie/);
    await sut().apply(finance, accepted.id, true);
    expect(await waitForSubmission(ds, accepted.id)).toMatchObject({ status: 'applied', appliedCount: 1 });
    expect((await figuresByKey(ds, valmontId)).get('VALMONT-NORD|PORTAGE_REPAS|spend|2024-01')).toBe('9999');
    await expect(sut().apply(finance, accepted.id, true)).rejects.toThrow(/n’est pas un aperçu en attente/);

    const [{ id: figureId }] = (await ds.query(
      `SELECT f.id FROM figure f JOIN org_unit u ON u.id = f.org_unit_id JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id
        WHERE u.code = 'VALMONT-NORD' AND s.code = 'PORTAGE_REPAS' AND m.code = 'spend' AND f.period = '2024-01'`,
    )) as { id: string }[];
    const [latest] = await producer.get(FiguresService).history(finance, figureId);
    expect(latest).toMatchObject({
      actorName: 'Direction financière (démo)',
      old,
      new: '9999',
      source: 'import',
      submissionId: accepted.id,
      fileName: 'correction-janvier.csv',
      reason: null,
    });
  });

  it('discards a preview: nothing written, and it cannot be applied afterwards', async () => {
    const before = await figuresByKey(ds, valmontId);
    const csv = ['Unité;Service;Indicateur;Période;Valeur', 'VALMONT-SUD;AED;spend;2025-12;123'].join('\n');
    const accepted = await sut().submitFile(finance, csvFile(csv, { originalname: 'aed.csv' }), undefined, { dryRun: true });
    await waitForSubmission(ds, accepted.id);
    await sut().discard(finance, accepted.id);
    await expect(sut().apply(finance, accepted.id, true)).rejects.toThrow(ConflictException);
    expect(await figuresByKey(ds, valmontId)).toEqual(before);
  });

  it('needs four eyes to approve a period, on by default; an admin may turn it off only with a logged reason', async () => {
    const periods = producer.get(PeriodsService);
    const target = { orgUnit: 'VALMONT-NORD', period: '2025-07' };
    await expect(periods.act(finance, 'approve', target)).rejects.toThrow(/non soumise/);
    await periods.act(finance, 'submit', target);
    await expect(periods.act(finance, 'approve', target)).rejects.toThrow(ForbiddenException);
    await expect(periods.act(finance, 'approve', target)).rejects.toThrow(/vous avez soumis la période juil\. 2025 pour Antenne Valmont Nord/);
    const [approved] = await periods.act(admin, 'approve', target);
    expect(approved).toMatchObject({ status: 'approved', submittedBy: finance.id, submittedByName: 'Direction financière (démo)' });

    await periods.act(finance, 'reopen', { ...target, reason: 'Dépenses de juillet corrigées par la trésorerie' });
    const fix = ['Unité;Service;Indicateur;Période;Valeur', 'VALMONT-NORD;PORTAGE_REPAS;spend;2025-07;1250'].join('\n');
    expect(await waitForSubmission(ds, (await sut().submitFile(finance, csvFile(fix, { originalname: 'juillet.csv' }), undefined)).id)).toMatchObject({
      status: 'applied',
    });
    const [{ id: figureId }] = (await ds.query(
      `SELECT f.id FROM figure f JOIN org_unit u ON u.id = f.org_unit_id JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id
        WHERE u.code = 'VALMONT-NORD' AND s.code = 'PORTAGE_REPAS' AND m.code = 'spend' AND f.period = '2025-07'`,
    )) as { id: string }[];
    const history = await producer.get(FiguresService).history(finance, figureId);
    expect(history.map((h) => [h.old, h.new, h.reason])).toEqual([
      ['1200.50', '1250', 'Dépenses de juillet corrigées par la trésorerie'],
      [null, '1200.50', null],
    ]);
    const [{ id: periodId }] = (await ds.query(`SELECT p.id FROM period_status p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = $1 AND p.period = $2`, [
      target.orgUnit,
      target.period,
    ])) as { id: string }[];
    const periodHistory = await periods.history(finance, periodId);
    expect(periodHistory.map((h) => [h.action, h.after, h.actorName, h.reason])).toEqual([
      ['period.reopen', 'draft', 'Direction financière (démo)', 'Dépenses de juillet corrigées par la trésorerie'],
      ['period.approve', 'approved', 'Administratrice méthodologie (démo)', null],
      ['period.submit', 'submitted', 'Direction financière (démo)', null],
    ]);

    const settings = producer.get(ApprovalSettingsService);
    expect((await settings.get(valmontId)).fourEyes).toBe(true);
    await settings.update(admin, false, 'Une seule personne à la direction financière pendant l’été');
    expect(await auditCount(ds, `action = 'settings.four_eyes' AND reason LIKE 'Une seule personne%'`, [])).toBe(1);
    await periods.act(finance, 'submit', { orgUnit: 'VALMONT-SUD', period: '2025-07' });
    await expect(periods.act(finance, 'approve', { orgUnit: 'VALMONT-SUD', period: '2025-07' })).resolves.toEqual([
      expect.objectContaining({ status: 'approved' }),
    ]);
    await settings.update(admin, true, null);
  });
});
