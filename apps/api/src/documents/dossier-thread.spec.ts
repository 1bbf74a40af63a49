import { isMainThread } from 'node:worker_threads';
import { DossierJob, renderDossier } from './dossier-render';
import { DossierThread } from './dossier-thread';

const job = (overrides: Partial<DossierJob['input']> = {}, format: DossierJob['format'] = 'html'): DossierJob => ({
  format,
  compress: false,
  scenario: null,
  input: {
    language: 'fr',
    organisation: 'CCAS de Test',
    scope: { code: 'TEST', name: 'CCAS de Test' },
    from: '2024-01',
    to: '2024-12',
    conventions: 2,
    methodology: { version: 2, label: 'Méthode 2', effectiveFrom: '2024-01-01', parameters: {} },
    previousVersion: null,
    computedAt: new Date('2026-01-05T10:00:00Z'),
    dataAsOf: new Date('2026-01-05T09:00:00Z'),
    masked: false,
    services: [],
    assumptions: [],
    unitCosts: [],
    funding: [],
    priceIndex: {},
    figures: [],
    sensitivity: null,
    completeness: [],
    outcomeLabels: {},
    ...overrides,
  },
});

describe(DossierThread.name, () => {
  let sut: DossierThread;
  beforeEach(() => {
    sut = new DossierThread();
  });
  afterEach(async () => {
    await sut.onModuleDestroy();
  });

  it('renders in a worker thread the same bytes and hash as in this thread', async () => {
    expect(isMainThread).toBe(true);
    const here = await renderDossier(job());
    const there = await sut.render(job());
    expect(there.hash).toBe(here.hash);
    expect(there.fileName).toBe('dossier-methodologique-TEST-2024-01-2024-12.html');
    expect(Buffer.from(there.content).toString('utf8')).toBe(Buffer.from(here.content).toString('utf8'));
    expect(Buffer.from(there.content).toString('utf8')).toContain('Aucun chiffre n’est saisi pour ce périmètre');
    const pdf = await sut.render(job({}, 'pdf'));
    expect(pdf.contentType).toBe('application/pdf');
    expect(Buffer.from(pdf.content).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('answers a failed rendering with an error and keeps rendering the next jobs', async () => {
    const broken = job({ services: null as unknown as DossierJob['input']['services'] });
    await expect(sut.render(broken)).rejects.toThrow(/Dossier méthodologique : le rendu a échoué/);
    const next = await sut.render(job());
    expect(next.hash).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it('rejects the pending jobs when the worker thread stops, and starts a new one for the next', async () => {
    const pending = sut.render(job());
    await sut.onModuleDestroy();
    await expect(pending).rejects.toThrow(/le fil de rendu s’est arrêté/);
    expect((await sut.render(job())).hash).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);
});
