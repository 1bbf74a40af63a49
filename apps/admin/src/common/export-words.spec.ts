import { i18nProvider } from '../i18n/i18nProvider';
import { xlsxValue } from './export-xlsx';
import { catalogueWords, cellWords, exportTable, scopeInWords } from './export-words';

const NBSP = /[\u202f\u00a0]/gu;
const words = catalogueWords((key, options) => i18nProvider.translate(key, options), 'fr', {
  units: [
    { code: 'VALMONT', name: 'CCAS de Valmont' },
    { code: 'VALMONT-NORD', name: 'Antenne Valmont Nord' },
  ],
  services: [
    { code: 'PORTAGE_REPAS', label: 'Portage de repas à domicile' },
    { code: 'SAAD', label: 'Aide à domicile renforcée (SAAD)' },
  ],
  metrics: [
    { code: 'spend', label: 'Dépenses', unit: '€' },
    { code: 'beneficiaries', label: 'Bénéficiaires', unit: 'personnes' },
  ],
});
const UUID = '3f2c1a9e-8b7d-4c6e-9f01-23456789abcd';
const AT = '2024-03-12T09:30:00.000Z';

/** Records of each list as the API returns them (codes, ids, UTC instants), and what must read in words. */
const CASES: Array<{ resource: string; record: Record<string, unknown>; expected: Record<string, string> }> = [
  {
    resource: 'figures',
    record: {
      id: UUID,
      orgUnit: 'VALMONT-NORD',
      service: 'PORTAGE_REPAS',
      metric: 'spend',
      period: '2024-01',
      value: '6044.7',
      status: 'draft',
      source: 'grid',
      comment: null,
      submissionId: UUID,
      updatedAt: AT,
      orgUnitLabel: 'Antenne Valmont Nord',
      serviceLabel: 'Portage de repas à domicile',
      metricLabel: 'Dépenses',
      metricUnit: '€',
      updatedBy: UUID,
      updatedByName: 'Direction financière (démo)',
    },
    expected: {
      Unité: 'Antenne Valmont Nord',
      Service: 'Portage de repas à domicile',
      Indicateur: 'Dépenses',
      Période: 'janv. 2024',
      Valeur: '6 044,70 €',
      Statut: 'Brouillon',
      Origine: 'Grille',
      'Modifié par': 'Direction financière (démo)',
      'Modifié le': '12 mars 2024, 10:30',
    },
  },
  {
    resource: 'submissions',
    record: {
      id: UUID,
      status: 'previewed',
      rowCount: 12,
      appliedCount: 0,
      processedCount: 12,
      errors: [{ line: 3, column: 'value', value: 'x', message: 'm' }],
      flags: [{ line: 4, kind: 'outlier', message: 'valeur inhabituelle' }],
      source: 'import',
      fileName: 'janvier.xlsx',
      createdAt: AT,
      finishedAt: AT,
      createdBy: UUID,
      createdByName: 'Direction financière (démo)',
      dryRun: true,
      preview: { created: 1, changed: [], unchanged: 0, flagged: [], errors: [] },
      mapping: { layout: 'long', columns: {} },
      progress: null,
    },
    expected: {
      Fichier: 'janvier.xlsx',
      Origine: 'Import',
      Statut: 'Aperçu prêt',
      Erreurs: '1',
      Signalements: '1',
      'Déposé par': 'Direction financière (démo)',
    },
  },
  {
    resource: 'periods',
    record: {
      id: UUID,
      orgUnit: 'VALMONT-NORD',
      period: '2024-Q4',
      status: 'submitted',
      reason: null,
      updatedBy: UUID,
      updatedByName: 'Direction (démo)',
      submittedBy: UUID,
      submittedByName: 'Direction financière (démo)',
      updatedAt: AT,
    },
    expected: { Unité: 'Antenne Valmont Nord', Période: '2024-T4', Statut: 'Soumis', 'Soumise par': 'Direction financière (démo)' },
  },
  {
    resource: 'initiatives',
    record: {
      id: UUID,
      title: 'Tournée partagée',
      orgUnit: 'VALMONT-NORD',
      orgUnitName: 'Antenne Valmont Nord',
      team: 'Équipe du portage',
      service: 'PORTAGE_REPAS',
      serviceLabel: 'Portage de repas à domicile',
      startDate: '2024-03-01',
      status: 'testing',
      statusLabel: 'En test',
      hours: '12.5',
      euros: '350.10',
      itemsLent: null,
      results: 'Douze visites',
      metric: 'beneficiaries',
      metricLabel: 'Bénéficiaires',
      updatedAt: AT,
    },
    expected: { Statut: 'En test', Début: '01/03/2024', 'Heures mobilisées': '12,5', 'Euros mobilisés': '350,10 €', 'Indicateur suivi': 'Bénéficiaires' },
  },
  {
    resource: 'audit-log',
    record: {
      id: '41',
      at: AT,
      actorId: UUID,
      actorEmail: 'finance@valmont.demo',
      actorName: 'Direction financière (démo)',
      action: 'figure.upsert',
      entity: 'figure',
      entityId: UUID,
      before: { orgUnit: 'VALMONT-NORD', period: '2024-01', value: '6044.7' },
      after: { orgUnit: 'VALMONT-NORD', period: '2024-01', value: '12345.67' },
      reason: null,
      submissionId: UUID,
      requestId: 'req-1',
    },
    expected: { Action: 'Saisie ou correction d’un chiffre', Détail: 'Antenne Valmont Nord · janv. 2024 · 6 044,7 → 12 345,67', Date: '12 mars 2024, 10:30' },
  },
  {
    // any other list: the generic rules (labels for codes, words for enums, money with €, French dates, no id)
    resource: 'in-kind-loans',
    record: {
      id: UUID,
      code: 'PRET-01',
      item: 'Minibus',
      toPartner: 'Épicerie solidaire',
      days: '3',
      quantity: '1',
      dailyValue: '85.5',
      startDate: '2024-05-02',
    },
    expected: { Début: '02/05/2024', 'Valeur journalière': '85,50 €', Partenaire: 'Épicerie solidaire' },
  },
  {
    resource: 'redeployments',
    record: { id: UUID, fromService: 'SAAD', toService: 'PORTAGE_REPAS', fteDays: '12.5', dailyCost: '210', period: '2024-02', orgUnitId: UUID },
    expected: { 'Service d’origine': 'Aide à domicile renforcée (SAAD)', 'Service d’accueil': 'Portage de repas à domicile' },
  },
  {
    // the M57 section and the instrument in words, never their codes
    resource: 'budget-transfers',
    record: {
      id: UUID,
      code: 'VIR-01',
      instrument: 'FONGIBILITE',
      section: 'FONCTIONNEMENT',
      fromChapter: '011',
      toChapter: '012',
      amount: '1500',
      decisionDate: '2024-03-01',
    },
    expected: { Section: 'Fonctionnement', Instrument: 'Fongibilité' },
  },
];

/** Codes, English internals, ids and UTC instants that must never reach an export. */
const FORBIDDEN = [
  /PORTAGE_REPAS|VALMONT-NORD|\bSAAD\b(?!\))/u,
  /FONCTIONNEMENT|INVESTISSEMENT|FONGIBILITE/u,
  /\b(draft|grid|import|previewed|submitted|testing|outlier|upsert)\b/u,
  /[0-9a-f]{8}-[0-9a-f]{4}-/u,
  /\d{2}:\d{2}:\d{2}|Z$/u,
  /submissionId|orgUnit|metricUnit/u,
];

describe(exportTable.name, () => {
  it.each(CASES)('writes the $resource list in words: French headers, labels, periods, money with €, Paris time, no id', ({ resource, record, expected }) => {
    const sut = exportTable(resource, [record], words);
    const row = Object.fromEntries(sut.columns.map((c, i) => [c, cellWords(sut.rows[0][i]).replace(NBSP, ' ')]));
    expect(row).toMatchObject(expected);
    for (const text of [...sut.columns, ...Object.values(row)])
      for (const pattern of FORBIDDEN) expect({ text, found: pattern.exec(text)?.[0] ?? null }).toEqual({ text, found: null });
    expect(new Set(sut.columns).size).toBe(sut.columns.length);
  });

  it('formats money by the metric’s unit, not its label: a count stays a plain number', () => {
    const sut = exportTable(
      'figures',
      [{ ...CASES[0].record, metric: 'beneficiaries', metricLabel: 'Bénéficiaires', metricUnit: 'personnes', value: '1250' }],
      words,
    );
    expect(cellWords(sut.rows[0][sut.columns.indexOf('Valeur')]).replace(NBSP, ' ')).toBe('1 250');
  });

  it('keeps numbers numbers in the spreadsheet: the CSV reads « 6 044,70 € », the XLSX cell holds 6044.7', () => {
    const sut = exportTable('figures', [CASES[0].record], words);
    const value = sut.rows[0][sut.columns.indexOf('Valeur')];
    expect(value).toEqual({ text: expect.stringMatching(/^6.044,70.€$/u), decimal: '6044.7', money: true });
    expect(xlsxValue(value)).toBe(6044.7);
  });

  it('writes the stamp’s scope in words', () => {
    expect(scopeInWords('figures', { orgUnit: 'VALMONT-NORD', period: '2024-03', service: 'SAAD' }, words)).toEqual({
      Unité: 'Antenne Valmont Nord',
      Période: 'mars 2024',
      Service: 'Aide à domicile renforcée (SAAD)',
    });
  });
});
