import type { Headline, ReportContent, ReportLanguage, ReportSection } from './report-content';
import { reportMjml, reportSubject, reportText } from './report-email.template';

const headline = (over: Partial<Headline> = {}): Headline => ({
  grossSavings: '12345.678',
  cost: '5000',
  netSavings: '7345.678',
  offsetRatio: '2.4691',
  cashable: null,
  low: '10000',
  high: '15000.5',
  ...over,
});

const section = (over: Partial<ReportSection> = {}): ReportSection => ({
  orgUnit: { code: 'VALMONT', name: 'CCAS de Valmont' },
  service: null,
  masked: false,
  current: headline(),
  previous: headline({ grossSavings: '11000' }),
  previousPeriod: '2024-11',
  hasData: true,
  series: [],
  targets: [{ indicator: 'grossSavings', label: '—', year: 2024, value: '90000', target: '100000', alertBelow: '95000', alertAbove: null, status: 'below' }],
  ...over,
});

const content = (language: ReportLanguage, over: Partial<ReportContent> = {}): ReportContent => ({
  organisationName: 'CCAS de Valmont',
  subscriptionName: 'Conseil',
  period: '2024-12',
  preview: true,
  language,
  indicators: ['grossSavings', 'cost', 'offsetRatio'],
  methodology: { version: 2, label: 'Guide 2024' },
  computedAt: '2025-01-02T07:00:00Z',
  dataAsOf: '2025-01-01T07:00:00Z',
  generatedAt: new Date('2025-01-03T07:00:00Z'),
  sections: [section()],
  dashboardUrl: 'http://levier.test/?orgUnit=VALMONT&period=2024-12',
  unsubscribeUrl: 'http://levier.test/api/report-subscriptions/unsubscribe?token=abc.def',
  ...over,
});

describe(reportSubject.name, () => {
  it('keeps the French subject, and writes the English one with an English period', () => {
    expect(reportSubject(content('fr'))).toBe('[Aperçu] Levier — Conseil — décembre 2024 — CCAS de Valmont');
    expect(reportSubject(content('en'))).toBe('[Preview] Levier — Conseil — December 2024 — CCAS de Valmont');
    expect(reportSubject(content('en', { preview: false }))).toBe('Levier — Conseil — December 2024 — CCAS de Valmont');
  });
});

describe(reportText.name, () => {
  it('writes the English text part with English labels and numbers', () => {
    const text = reportText(content('en'));
    // 12 345.678 → €12,345.68 (half up); previous period November 2024 at €11,000.00
    expect(text).toContain('  Avoided costs (gross): €12,345.68 (November 2024: €11,000.00)');
    expect(text).toContain('  Avoided costs: for €1 invested, €2.47 avoided');
    expect(text).toContain('  Range: €10,000.00 – €15,000.50');
    expect(text).toContain('Methodology: version 2 — Guide 2024');
    // 07:00 UTC in January = 08:00 in Paris
    expect(text).toContain('Computed on 02/01/2025 at 08:00 (Paris time), data as of 01/01/2025 at 08:00 (Paris time)');
    expect(text).toContain('Unsubscribe: http://levier.test/api/report-subscriptions/unsubscribe?token=abc.def');
    expect(text).toMatch(/below the alert threshold \(€95,000\.00\)/);
    expect(text).not.toMatch(/Épargne|Périmètre|Méthodologie|Fourchette|désabonner| : /);
  });

  it('keeps the French text part as it was', () => {
    const text = reportText(content('fr'));
    expect(text).toContain('  Coûts évités (bruts) : 12 345,68 € (novembre 2024 : 11 000,00 €)');
    expect(text).toContain('  Coûts évités : pour 1 € investi, 2,47 € évités');
    expect(text).toContain('Se désabonner : http://levier.test/api/report-subscriptions/unsubscribe?token=abc.def');
  });
});

describe(reportMjml.name, () => {
  it('declares the language and writes every label of the English email in English', () => {
    const mjml = reportMjml(content('en'));
    expect(mjml).toContain('<mjml lang="en">');
    for (const text of ['Indicator', 'Change', 'Open the dashboard', 'Unsubscribe', 'Avoided costs range (low – high assumptions)', 'Alerts and targets'])
      expect(mjml).toContain(text);
    expect(mjml).not.toMatch(/Épargne|Indicateur|Évolution|Périmètre|tableau de bord|désabonner/);
  });
});
