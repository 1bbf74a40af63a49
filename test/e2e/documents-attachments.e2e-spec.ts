import { useReportsWorld } from '../integration/report-mails';
import { pdfPages, squash } from '../setup/pdf-text';

/**
 * Report subscriptions attaching documents for the board (issue 19, item 7), through the API, the worker and a real
 * SMTP server: the attachments are the PDFs the documents API gives (same content hash), rendered under each
 * recipient's rights; the list is validated in French and read back; a subscription without documents attaches none.
 */
jest.setTimeout(120_000);

describe('report subscriptions attaching documents', () => {
  const world = useReportsWorld();

  it('attaches the dossier of its scope and period, the fongibilité statement and the in-kind annex of the year, as the documents API renders them', async () => {
    const { http, director, smtp } = world();
    const id = await world().subscribe({
      name: 'Conseil avec documents',
      recipients: ['directeur@valmont.demo'],
      orgUnits: ['VALMONT'],
      schedule: '0 8 1 * *',
      formats: ['pdf'],
      documents: ['dossier-methodologique', 'fongibilite', 'prets-en-nature'],
    });
    const read = await http().get(`/api/report-subscriptions/${id}`).set(director).expect(200);
    expect(read.body.documents).toEqual(['dossier-methodologique', 'fongibilite', 'prets-en-nature']);
    await world().sendNow(id, '2024-12');
    const [mail] = await smtp.waitFor(1, 90_000);
    const names = mail.parsed.attachments.map((a) => a.filename);
    expect(names).toEqual(
      expect.arrayContaining(['dossier-methodologique-VALMONT-2024-12-2024-12.pdf', 'etat-fongibilite-2024.pdf', 'prets-en-nature-2024.pdf']),
    );
    const file = (name: string) => mail.parsed.attachments.find((a) => a.filename === name)!;
    for (const name of ['dossier-methodologique-VALMONT-2024-12-2024-12.pdf', 'etat-fongibilite-2024.pdf', 'prets-en-nature-2024.pdf'])
      expect(file(name).contentType).toBe('application/pdf');
    // each the same document as the API gives the recipient: same content hash, stamped on every page with its number
    const apiHash = async (path: string, query: Record<string, string>): Promise<string> =>
      (await http().get(path).query(query).set(director).expect(200)).headers['x-content-hash'] as string;
    const attached: [string, string, Record<string, string>][] = [
      ['dossier-methodologique-VALMONT-2024-12-2024-12.pdf', '/api/documents/dossier-methodologique', { orgUnit: 'VALMONT', from: '2024-12', to: '2024-12' }],
      ['etat-fongibilite-2024.pdf', '/api/documents/fongibilite', { year: '2024' }],
      ['prets-en-nature-2024.pdf', '/api/documents/prets-en-nature', { year: '2024' }],
    ];
    for (const [name, path, query] of attached) {
      const hash = await apiHash(path, { ...query, format: 'html' });
      const pages = pdfPages(file(name).content);
      expect(pages.length).toBeGreaterThan(0);
      pages.forEach((page, i) => {
        expect(squash(page)).toContain(squash(`Empreinte SHA-256 du contenu : ${hash}`));
        expect(squash(page)).toContain(squash(`page ${i + 1} / ${pages.length}`));
        expect(squash(page)).toContain(squash('CCAS de Valmont'));
      });
    }
    const pages = pdfPages(file('etat-fongibilite-2024.pdf').content);
    expect(squash(pages.join(' '))).toContain('FONG-2024-01');
    const dossier = squash(pdfPages(file('dossier-methodologique-VALMONT-2024-12-2024-12.pdf').content).join(' '));
    expect(dossier).toContain(squash('Dossier méthodologique'));
    expect(dossier).toContain(squash('décembre 2024'));
    expect(squash(pdfPages(file('prets-en-nature-2024.pdf').content).join(' '))).toContain(squash('Récapitulatif par partenaire'));
  });

  it('attaches no document by default, and refuses an unknown document in French naming the field', async () => {
    const { http, director, smtp } = world();
    const id = await world().subscribe({ name: 'Sans document', recipients: ['directeur@valmont.demo'], orgUnits: ['VALMONT'], formats: ['csv'] });
    expect((await http().get(`/api/report-subscriptions/${id}`).set(director).expect(200)).body.documents).toEqual([]);
    await world().sendNow(id, '2024-12');
    const [mail] = await smtp.waitFor(1, 60_000);
    expect(mail.parsed.attachments.filter((a) => a.contentType === 'application/pdf')).toHaveLength(0);
    const bad = await http()
      .post('/api/report-subscriptions')
      .set(director)
      .send({ name: 'Mauvais', recipients: ['directeur@valmont.demo'], orgUnits: ['VALMONT'], documents: ['budget-primitif'] })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('documents : valeurs possibles dossier-methodologique, fongibilite, prets-en-nature');
    await http()
      .put(`/api/report-subscriptions/${id}`)
      .set(director)
      .send({ documents: ['fongibilite', 'fongibilite'] })
      .expect(400);
    const updated = await http()
      .put(`/api/report-subscriptions/${id}`)
      .set(director)
      .send({ documents: ['prets-en-nature'] })
      .expect(200);
    expect(updated.body.documents).toEqual(['prets-en-nature']);
  });
});
