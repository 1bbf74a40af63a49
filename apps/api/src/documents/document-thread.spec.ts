import { isMainThread } from 'node:worker_threads';
import { DossierJob, renderDossier } from './dossier-render';
import { DocumentThread } from './document-thread';
import { NoteJob, renderNote } from './note-render';

const job = (overrides: Partial<DossierJob['input']> = {}, format: DossierJob['format'] = 'html'): DossierJob => ({
  kind: 'dossier-methodologique',
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

const note = (overrides: Partial<NoteJob['input']> = {}): NoteJob => ({
  kind: 'note-conseil',
  format: 'html',
  compress: false,
  sensitivity: null,
  input: {
    language: 'fr',
    organisation: 'CCAS de Test',
    simulation: { id: '00000000-0000-4000-8000-000000000001', name: 'Renfort', createdAt: new Date('2026-01-04T08:00:00Z') },
    scope: { orgUnit: 'TEST', orgUnitName: 'CCAS de Test', from: '2024-01', to: '2024-12' },
    conventions: 2,
    methodology: { version: 2, label: 'Méthode 2', effectiveFrom: '2024-01-01' },
    levers: [],
    serviceLabels: {},
    baseline: null,
    simulated: null,
    delta: null,
    ranges: null,
    checks: [],
    problems: ['Le service « Portage » n’existe plus.'],
    dataAsOf: new Date('2026-01-05T09:00:00Z'),
    computedAt: new Date('2026-01-05T10:00:00Z'),
    ...overrides,
  },
});

describe(DocumentThread.name, () => {
  let sut: DocumentThread;
  beforeEach(() => {
    sut = new DocumentThread();
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

  it('renders a note pour le conseil there too, the same bytes and hash as in this thread', async () => {
    const here = await renderNote(note());
    const there = await sut.render(note());
    expect(there.hash).toBe(here.hash);
    expect(there.fileName).toBe('note-conseil-TEST-2024-01-2024-12.html');
    expect(Buffer.from(there.content).toString('utf8')).toBe(Buffer.from(here.content).toString('utf8'));
    expect(Buffer.from(there.content).toString('utf8')).toContain('Le service « Portage » n’existe plus.');
    const broken = note({ levers: null as unknown as NoteJob['input']['levers'] });
    await expect(sut.render(broken)).rejects.toThrow(/^Note pour le conseil : le rendu a échoué/);
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
