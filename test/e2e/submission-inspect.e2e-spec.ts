import ExcelJS from 'exceljs';
import { TestingModule } from '@nestjs/testing';
import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';
import { startTestWorker } from '../setup/test-worker';
import { waitForSubmission } from '../factories/ingestion.factory';

type Auth = { Authorization: string };

/**
 * The mapping step reads the file's own headers (issue 13, item 2): `POST /api/submissions/inspect` returns each
 * sheet's header line, detected layout, column headers and a few rows, writes nothing; the columns the user then picks
 * are sent as the submission's `mapping`, and a file whose headers detection does not know imports through it.
 */
describe('POST /api/submissions/inspect (the columns of a file, for the mapping step)', () => {
  let api: TestApi;
  let worker: TestingModule;
  let finance: Auth;
  let viewer: Auth;
  const http = () => request(api.app.getHttpServer());
  const counts = async (): Promise<{ submissions: number; audit: number; figures: number }> => {
    const [row] = await (
      await api.db.dataSource()
    ).query(
      `SELECT (SELECT count(*)::int FROM submission) AS submissions, (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM figure) AS figures`,
    );
    return row;
  };
  // headers detection does not know: « Site », « Prestation », « Mesure », « Mois », « Montant » under a title block
  const unknownHeaders = [
    'Tableau de bord du CCAS — export du logiciel métier',
    '',
    'Site;Prestation;Mesure;Mois;Montant',
    'Antenne Nord;Portage de repas;Bénéficiaires;janv. 2025;91',
    'Antenne Sud;Portage de repas;Bénéficiaires;janv. 2025;70',
    'Antenne Sud;Portage de repas;Dépenses;janv. 2025;10 150,40',
  ].join('\r\n');

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    worker = await startTestWorker(api.db.url, api.queuePrefix);
    [finance, viewer] = await Promise.all(['finance@valmont.demo', 'lecteur@valmont.demo'].map((email) => loginAs(api.app, email)));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('reads a CSV whose headers are not recognised: the likeliest header line, its columns and a few rows, nothing written', async () => {
    const before = await counts();
    const res = await http().post('/api/submissions/inspect').set(finance).attach('file', Buffer.from(unknownHeaders, 'utf8'), 'export-metier.csv').expect(200);
    expect(res.body).toEqual({
      fileName: 'export-metier.csv',
      format: 'csv',
      sheets: [
        {
          name: null,
          headerLine: 3,
          detected: null,
          headers: ['Site', 'Prestation', 'Mesure', 'Mois', 'Montant'],
          firstLines: [
            { line: 1, cells: ['Tableau de bord du CCAS — export du logiciel métier'] },
            { line: 2, cells: [''] },
            { line: 3, cells: ['Site', 'Prestation', 'Mesure', 'Mois', 'Montant'] },
            { line: 4, cells: ['Antenne Nord', 'Portage de repas', 'Bénéficiaires', 'janv. 2025', '91'] },
            { line: 5, cells: ['Antenne Sud', 'Portage de repas', 'Bénéficiaires', 'janv. 2025', '70'] },
            { line: 6, cells: ['Antenne Sud', 'Portage de repas', 'Dépenses', 'janv. 2025', '10 150,40'] },
          ],
          sample: [
            { line: 4, cells: ['Antenne Nord', 'Portage de repas', 'Bénéficiaires', 'janv. 2025', '91'] },
            { line: 5, cells: ['Antenne Sud', 'Portage de repas', 'Bénéficiaires', 'janv. 2025', '70'] },
            { line: 6, cells: ['Antenne Sud', 'Portage de repas', 'Dépenses', 'janv. 2025', '10 150,40'] },
          ],
        },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it('says what it detected in a wide workbook of several sheets: layout, the column of each field and the period columns', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['Chiffres du premier trimestre, saisis par la direction financière']);
    const nord = wb.addWorksheet('Nord');
    nord.addRow(['Unité', 'Service', 'Indicateur', 'janv. 2025', 'févr. 2025', 'Total']);
    nord.addRow(['Antenne Nord', 'Portage de repas', 'Bénéficiaires', 91, 93, 184]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await http().post('/api/submissions/inspect').set(finance).attach('file', bytes, 'trimestre.xlsx').expect(200);
    expect(res.body.format).toBe('xlsx');
    const sheet = res.body.sheets.find((s: { name: string }) => s.name === 'Nord');
    expect(sheet).toMatchObject({
      headerLine: 1,
      detected: {
        layout: 'periods_as_columns',
        columns: { orgUnit: 'Unité', service: 'Service', metric: 'Indicateur' },
        valueColumns: ['janv. 2025', 'févr. 2025'],
      },
      headers: ['Unité', 'Service', 'Indicateur', 'janv. 2025', 'févr. 2025', 'Total'],
      sample: [{ line: 2, cells: ['Antenne Nord', 'Portage de repas', 'Bénéficiaires', '91', '93', '184'] }],
    });
  });

  it('refuses what an import refuses, in the same French words, and lets only those who import read a file', async () => {
    const empty = await http().post('/api/submissions/inspect').set(finance).attach('file', Buffer.alloc(0), 'vide.csv').expect(400);
    expect(JSON.stringify(empty.body)).toMatch(/Le fichier est vide|Envoyez le fichier/);
    const xls = await http()
      .post('/api/submissions/inspect')
      .set(finance)
      .attach('file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'ancien.xls')
      .expect(400);
    expect(xls.body.detail).toMatch(/Ancien format Excel 97-2003/);
    const fake = await http().post('/api/submissions/inspect').set(finance).attach('file', Buffer.from('a;b\n1;2'), 'faux.xlsx').expect(400);
    expect(fake.body.detail).toMatch(/n'en est pas un/);
    const none = await http().post('/api/submissions/inspect').set(finance).expect(400);
    expect(JSON.stringify(none.body)).toMatch(/champ « file »/);
    await http().post('/api/submissions/inspect').set(viewer).attach('file', Buffer.from(unknownHeaders, 'utf8'), 'export-metier.csv').expect(403);
  });

  it('imports the file with the columns the user picked from the inspection (dry run: only the preview)', async () => {
    const inspection = (
      await http().post('/api/submissions/inspect').set(finance).attach('file', Buffer.from(unknownHeaders, 'utf8'), 'export-metier.csv').expect(200)
    ).body.sheets[0];
    // without a mapping the file is refused: its columns are not found
    const detected = await http()
      .post('/api/submissions')
      .query({ dryRun: 'true' })
      .set(finance)
      .attach('file', Buffer.from(unknownHeaders, 'utf8'), 'export-metier.csv')
      .expect(202);
    await waitForSubmission(await api.db.dataSource(), detected.body.id);
    const refused = (await http().get(`/api/submissions/${detected.body.id}`).set(finance).expect(200)).body;
    expect(refused.preview.errors.map((e: { message: string }) => e.message)).toEqual([expect.stringMatching(/introuvables? :/)]);
    const [site, prestation, mesure, mois, montant] = inspection.headers as string[];
    const mapping = {
      layout: 'long',
      headerLine: inspection.headerLine,
      columns: { orgUnit: site, service: prestation, metric: mesure, period: mois, value: montant },
    };
    const figuresBefore = (await counts()).figures;
    const sent = await http()
      .post('/api/submissions')
      .query({ dryRun: 'true' })
      .set(finance)
      .field('mapping', JSON.stringify(mapping))
      .attach('file', Buffer.from(unknownHeaders, 'utf8'), 'export-metier.csv')
      .expect(202);
    expect((await waitForSubmission(await api.db.dataSource(), sent.body.id)).status).toBe('previewed');
    const detail = (await http().get(`/api/submissions/${sent.body.id}`).set(finance).expect(200)).body;
    expect(detail.preview).toMatchObject({ created: 3, changed: [], errors: [] });
    expect(detail.mapping).toEqual(mapping);
    expect((await counts()).figures).toBe(figuresBefore);
  });
});
