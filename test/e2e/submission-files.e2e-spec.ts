import ExcelJS from 'exceljs';
import { TestingModule } from '@nestjs/testing';
import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';
import { startTestWorker } from '../setup/test-worker';
import { waitForSubmission } from '../factories/ingestion.factory';

type Auth = { Authorization: string };
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('import files: the pre-filled template of a period and the row-error report (issue 13)', () => {
  let api: TestApi;
  let worker: TestingModule;
  let finance: Auth;
  let viewer: Auth;
  let bellerive: Auth;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    worker = await startTestWorker(api.db.url, api.queuePrefix);
    [finance, viewer, bellerive] = await Promise.all(
      ['finance@valmont.demo', 'lecteur@valmont.demo', 'directeur@bellerive.demo'].map((email) => loginAs(api.app, email)),
    );
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('gives a CSV template by label, header first, each service with only its expected metrics and the stored values', async () => {
    const res = await http().get('/api/submission-template').query({ period: '2024-03', format: 'csv' }).set(finance).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('modele-saisie-mars-2024.csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // the period titles the value column: a blank cell of the template is « not entered »
    expect(lines[0]).toBe('Unité;Service;Indicateur;mars 2024');
    const portage = lines.filter((l) => l.startsWith('Antenne Valmont Nord;Portage de repas à domicile;'));
    // the metrics the demo expects of meal delivery (demo-expected-metrics.ts)
    expect(portage.map((l) => l.split(';')[2])).toEqual(['Dépenses', 'Bénéficiaires', 'Repas livrés']);
    expect(portage[0]).toMatch(/^Antenne Valmont Nord;Portage de repas à domicile;Dépenses;\d+(,\d+)?$/);
    expect(lines.some((l) => l.includes('Nuitées'))).toBe(false); // the quarterly service is not in a month's template
    expect(lines.join('\n')).not.toMatch(/VALMONT|PORTAGE_REPAS|spend/);
  });

  it('reads back its own template of an entered month unchanged: a dry run finds no error and changes nothing', async () => {
    const csv = await http().get('/api/submission-template').query({ period: '2024-03', format: 'csv' }).set(finance).expect(200);
    const sent = await http()
      .post('/api/submissions')
      .query({ dryRun: 'true' })
      .set(finance)
      .attach('file', Buffer.from(csv.text, 'utf8'), 'modele-saisie-mars-2024.csv')
      .expect(202);
    const done = await waitForSubmission(await api.db.dataSource(), sent.body.id);
    const detail = await http().get(`/api/submissions/${sent.body.id}`).set(finance).expect(200);
    expect(done.status).toBe('previewed');
    expect(detail.body.preview).toMatchObject({ errors: [], changed: [], created: 0 });
    expect(detail.body.preview.unchanged).toBe(csv.text.trim().split('\r\n').length - 1);
    // quarter templates list the quarterly service with its observed outcome
    const quarter = await http().get('/api/submission-template').query({ period: '2024-T1', format: 'csv' }).set(finance).expect(200);
    expect(quarter.text).toMatch(/^\uFEFF?Unité;Service;Indicateur;2024-T1\r\n/);
    expect(quarter.text).toMatch(/;Logement d’abord : accompagnement vers et dans le logement;Nuitées d’hôtel évitées constatées;\d+/);
  });

  it('imports a partly filled template: blank cells are « not entered » (nothing created, nothing changed), a word is still a row error', async () => {
    const ds = await api.db.dataSource();
    const count = async (): Promise<number> => Number((await ds.query(`SELECT count(*)::int AS n FROM figure WHERE period = '2025-02'`))[0].n);
    const template = await http().get('/api/submission-template').query({ period: '2025-02', format: 'csv' }).set(finance).expect(200);
    const lines = template.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Unité;Service;Indicateur;févr. 2025');
    // nothing entered for February 2025 yet: every value cell is blank
    expect(lines.slice(1).every((l) => l.endsWith(';'))).toBe(true);
    const fill = (values: Record<string, string>): string =>
      [
        lines[0],
        ...lines.slice(1).map((l) => (values[l.split(';').slice(0, 3).join(';')] === undefined ? l : `${l}${values[l.split(';').slice(0, 3).join(';')]}`)),
      ].join('\r\n');
    const partial = fill({
      'Antenne Valmont Nord;Portage de repas à domicile;Dépenses': '12 480,50',
      'Antenne Valmont Nord;Portage de repas à domicile;Bénéficiaires': '86',
    });
    const sent = await http()
      .post('/api/submissions')
      .query({ dryRun: 'true' })
      .set(finance)
      .attach('file', Buffer.from(partial, 'utf8'), 'modele-fevrier.csv')
      .expect(202);
    expect((await waitForSubmission(ds, sent.body.id)).status).toBe('previewed');
    const preview = (await http().get(`/api/submissions/${sent.body.id}`).set(finance).expect(200)).body.preview;
    expect(preview).toEqual({ created: 2, changed: [], unchanged: 0, flagged: [], errors: [] });
    expect(await count()).toBe(0);
    // a cell that is not a number is not « blank »: the row is refused, naming it
    const wrong = fill({ 'Antenne Valmont Sud;Portage de repas à domicile;Repas livrés': 'beaucoup' });
    const refused = await http()
      .post('/api/submissions')
      .query({ dryRun: 'true' })
      .set(finance)
      .attach('file', Buffer.from(wrong, 'utf8'), 'modele-fevrier-2.csv')
      .expect(202);
    await waitForSubmission(ds, refused.body.id);
    const errors = (await http().get(`/api/submissions/${refused.body.id}`).set(finance).expect(200)).body.preview.errors as { message: string }[];
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/beaucoup/);
    expect(await count()).toBe(0);
  });

  it('gives the same template as XLSX with the header in the first row, values as numbers', async () => {
    const res = await http().get('/api/submission-template').query({ period: '2024-03', format: 'xlsx' }).set(finance).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, 'Unité', 'Service', 'Indicateur', 'mars 2024']);
    expect(typeof ws.getRow(2).getCell(4).value).toBe('number');
  });

  it('refuses the template to readers and a bad period in words', async () => {
    await http().get('/api/submission-template').query({ period: '2024-03' }).set(viewer).expect(403);
    const bad = await http().get('/api/submission-template').query({ period: '2024-13', format: 'csv' }).set(finance).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/period doit être un mois/);
    const format = await http().get('/api/submission-template').query({ period: '2024-03', format: 'pdf' }).set(finance).expect(400);
    expect(JSON.stringify(format.body)).toMatch(/format doit valoir csv ou xlsx/);
  });

  it('downloads the row errors of a rejected file as CSV and XLSX, header first, and only to its organisation', async () => {
    const file = 'Unité;Service;Indicateur;Période;Valeur\r\nAntenne Valmont Nord;Portage de repas à domicile;Bénéficiaires;mars 2024;12,5\r\n';
    const sent = await http().post('/api/submissions').set(finance).attach('file', Buffer.from(file, 'utf8'), 'mars.csv').expect(202);
    const done = await waitForSubmission(await api.db.dataSource(), sent.body.id);
    expect(done.status).toBe('rejected');
    const csv = await http().get(`/api/submissions/${sent.body.id}/errors`).set(finance).expect(200);
    expect(csv.headers['content-disposition']).toContain('erreurs-mars.csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Feuille;Ligne;Colonne;Valeur;Motif');
    expect(lines[1]).toMatch(/^;2;[^;]*;12,5;.*Bénéficiaires doit être un nombre entier/);
    const xlsx = await http().get(`/api/submissions/${sent.body.id}/errors`).query({ format: 'xlsx' }).set(finance).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, 'Feuille', 'Ligne', 'Colonne', 'Valeur', 'Motif']);
    await http().get(`/api/submissions/${sent.body.id}/errors`).set(bellerive).expect(404);
  });
});
