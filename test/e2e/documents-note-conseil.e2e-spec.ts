import request from 'supertest';
import { d } from '@levier/indicators';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';
import { pdfPages, squash } from '../setup/pdf-text';

type Auth = { Authorization: string };

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** `1234.5` → « 1 234,50 € » (the product's French money, written here independently). */
const euros = (v: string): string => {
  const x = d(v).toFixed(2);
  const [int, frac] = x.replace('-', '').split('.');
  return `${x.startsWith('-') ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac} €`;
};

/**
 * The note for the board from a saved simulation (issue 19, item 4) through the API, on the demo: the PDF's text read
 * back (levers in words, current and simulated figures per payer with households apart, ranges, legal checks in words,
 * the engine's sensitivity), the stamp and hash on every page, the same hash twice, 404 across tenants and for a viewer.
 */
jest.setTimeout(90_000);

describe('note pour le conseil (/api/documents/note-conseil)', () => {
  let api: TestApi;
  let director: Auth;
  let viewer: Auth;
  let bellerive: Auth;
  let id: string;
  const http = () => request(api.app.getHttpServer());
  const scope = { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' };
  const levers = [
    { kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '50000' },
    { kind: 'scale', service: 'SAAD', factor: '1.2' },
    { kind: 'redeploy', fromService: 'AED', toService: 'SAAD', fteDays: '40', dailyCost: '185' },
  ];
  const pdf = (query: Record<string, string>, auth: Auth) => http().get('/api/documents/note-conseil').query(query).set(auth).buffer(true).parse(binary);

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    director = await loginAs(api.app, 'directeur@valmont.demo');
    viewer = await loginAs(api.app, 'lecteur@valmont.demo');
    bellerive = await loginAs(api.app, 'directeur@bellerive.demo');
    id = ((await http().post('/api/simulations').set(director).send({ name: 'Renfort du SAAD', scope, levers }).expect(201)).body as { id: string }).id;
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('says the levers in words, current vs simulated per payer (public money first, households apart), ranges, legal checks and key assumptions', async () => {
    const res = await pdf({ simulation: id }, director).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('note-conseil-VALMONT-2024-01-2024-12.pdf');
    const hash = res.headers['x-content-hash'] as string;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const pages = pdfPages(res.body as Buffer);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      const flat = squash(page);
      expect(flat).toContain(squash(`Empreinte SHA-256 du contenu : ${hash}`));
      expect(flat).toContain(squash(`page ${i + 1} / ${pages.length}`));
      for (const part of ['CCAS de Valmont', 'Périmètre : CCAS de Valmont', 'janvier 2024 – décembre 2024', 'version 2', 'données au'])
        expect(flat).toContain(squash(part));
    });
    const all = squash(pages.join(' '));
    expect(all).not.toContain(squash('(VALMONT)')); // the scope by its name only
    const saved = (await http().get(`/api/simulations/${id}`).set(director).expect(200)).body as {
      baseline: Record<string, string> & { ledger: Record<string, { net: string }> };
      simulated: Record<string, string> & { ledger: Record<string, { net: string }> };
      ranges: { simulated: { low: Record<string, string>; high: Record<string, string> } };
      services: Record<string, { label: string }>;
      checks: { kind: string; status: string; years: { headroomAfter: string | null }[] }[];
    };
    const label = (code: string) => saved.services[code].label;
    expect(all).toContain(squash('Note pour le conseil'));
    expect(all).toContain(squash('Simulation « Renfort du SAAD »'));
    // the levers in words, services by label, never engine codes
    expect(all).toContain(squash(`Transférer 50 000,00 € de crédits du service « ${label('PORTAGE_REPAS')} » vers le service « ${label('SAAD')} »`));
    expect(all).toContain(squash(`coefficient 1,20 (+20,0 % de l’activité et de la dépense)`));
    expect(all).toContain(squash('Redéployer 40,0 jours de travail d’agents à 185,00 € par jour, soit 7 400,00 €'));
    expect(all).not.toMatch(/PORTAGE_REPAS|fteDays|dailyCost|redeploy|\bscale\b|depassement|hors_fongibilite/);
    // baseline vs simulated, public money first
    for (const key of ['publicNetSavings', 'netSavings']) {
      expect(all).toContain(squash(euros(saved.baseline[key])));
      expect(all).toContain(squash(euros(saved.simulated[key])));
    }
    expect(all.indexOf(squash('Épargne médico-sociale nette — finances publiques'))).toBeLessThan(
      all.indexOf(squash('Épargne médico-sociale nette, tous payeurs')),
    );
    expect(all).toContain(squash(`Département ${euros(saved.baseline.ledger.DEPARTEMENT.net)} ${euros(saved.simulated.ledger.DEPARTEMENT.net)}`));
    // households apart from the public payers' table
    const publicTable = all.slice(all.indexOf(squash('Finances publiques — solde net par payeur')), all.indexOf(squash('Total des finances publiques')));
    expect(publicTable).not.toContain(squash('Usagers (ménages)'));
    expect(all).toContain(squash(`Total des finances publiques ${euros(saved.baseline.publicNetSavings)} ${euros(saved.simulated.publicNetSavings)}`));
    expect(all).toContain(squash('Les ménages ne sont pas des finances publiques'));
    // ranges
    expect(all).toContain(squash(euros(saved.ranges.simulated.low.netSavings)));
    expect(all).toContain(squash(euros(saved.ranges.simulated.high.netSavings)));
    // legal checks in words: fongibilité headroom or overrun, staff costs outside fongibilité
    const fong = saved.checks.find((c) => c.kind === 'FONGIBILITE')!;
    expect(fong.years.length).toBeGreaterThan(0);
    expect(all).toContain(squash(`Levier 1 — 50 000,00 € du service « ${label('PORTAGE_REPAS')} » (fonction 4238 «`));
    const after = d(fong.years[0].headroomAfter!);
    expect(all).toContain(squash(after.isNegative() ? `Dépassement : ${euros(after.negated().toFixed(2))}` : `Marge restante : ${euros(after.toFixed(2))}`));
    expect(all).toContain(squash('dépenses de personnel (chapitre 012), hors fongibilité des crédits'));
    // the engine's sensitivity of the simulated situation, parameters in words
    expect(all).toContain(squash('Les hypothèses qui comptent le plus'));
    expect(all).toMatch(/(tauxd’événements|effetd’aubaine|Coûtunitaire«)/);
  });

  it('gives the same hash twice, the same in HTML, and a French 400 for a malformed id', async () => {
    const first = await pdf({ simulation: id }, director).expect(200);
    const second = await pdf({ simulation: id }, director).expect(200);
    expect(second.headers['x-content-hash']).toBe(first.headers['x-content-hash']);
    const html = await http().get('/api/documents/note-conseil').query({ simulation: id, format: 'html' }).set(director).expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['x-content-hash']).toBe(first.headers['x-content-hash']);
    expect(html.text).toContain('<html lang="fr">');
    const bad = await http().get('/api/documents/note-conseil').query({ simulation: 'abc' }).set(director).expect(400);
    expect(JSON.stringify(bad.body)).toContain('simulation : identifiant de simulation enregistrée attendu');
  });

  it('answers 404 to another tenant, 403 to a viewer (who may not simulate), 401 without a session', async () => {
    const other = await http().get('/api/documents/note-conseil').query({ simulation: id }).set(bellerive).expect(404);
    expect(JSON.stringify(other.body)).toContain('Simulation introuvable');
    await http().get('/api/documents/note-conseil').query({ simulation: id }).set(viewer).expect(403);
    await http().get('/api/documents/note-conseil').query({ simulation: '00000000-0000-4000-8000-000000000000' }).set(director).expect(404);
    await http().get('/api/documents/note-conseil').query({ simulation: id }).expect(401);
  });

  it('a simulation whose lever no longer applies gives a short note that says why', async () => {
    const ds = await api.db.dataSource();
    const { id: broken } = (
      await http()
        .post('/api/simulations')
        .set(director)
        .send({ name: 'Levier périmé', scope, levers: [{ kind: 'scale', service: 'SAAD', factor: '1.1' }] })
        .expect(201)
    ).body as { id: string };
    await ds.query(`UPDATE simulation SET levers = $1::jsonb WHERE id = $2`, [
      JSON.stringify([{ kind: 'scale', service: 'SERVICE_DISPARU', factor: '1.1' }]),
      broken,
    ]);
    const res = await pdf({ simulation: broken }, director).expect(200);
    const all = squash(pdfPages(res.body as Buffer).join(' '));
    expect(all).toContain(squash('La simulation ne s’applique plus'));
    expect(all).not.toContain(squash('Situation actuelle et situation simulée'));
  });
});
