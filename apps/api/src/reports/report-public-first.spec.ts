import { Decimal } from '@levier/indicators';
import { buildChartSvg } from './chart-svg';
import { compactFrenchEuros, coveredPeriodLabel } from './french-format';
import { niceTicks } from './nice-ticks';
import { reportCsv } from './report-attachments';
import type { Headline, ReportContent, ReportSection, SeriesPoint } from './report-content';
import { reportMjml, reportSubject, reportText } from './report-email.template';
import { headlineRows } from './report-headline-rows';
import { reportMessages } from './report-i18n';

const fr = reportMessages('fr');

/** Conventions 2: all payers 150 000 € avoided for 100 000 € of cost; public money 120 000 € for 90 000 €. */
const headline = (over: Partial<Headline> = {}): Headline => ({
  grossSavings: '150000.00',
  cost: '100000.00',
  netSavings: '50000.00',
  offsetRatio: '1.50',
  cashable: null,
  low: '120000.00',
  high: '180000.00',
  // households: 50 000 − 30 000 = 20 000
  public: { publicNetSavings: '30000.00', publicSavings: '120000.00', publicCost: '90000.00', publicOffsetRatio: '1.33', householdsNetSavings: '20000.00' },
  ...over,
});

const point = (period: string, present: boolean): SeriesPoint => ({
  period,
  present,
  values: present ? headline() : { ...headline(), grossSavings: null, cost: null, netSavings: null, offsetRatio: null, low: null, high: null, public: null },
});

const section = (over: Partial<ReportSection> = {}): ReportSection => ({
  orgUnit: { code: 'VALMONT', name: 'CCAS de Valmont' },
  service: null,
  masked: false,
  current: headline(),
  previous: headline({ netSavings: '40000.00' }),
  previousPeriod: '2025-11',
  hasData: true,
  series: [point('2026-09', true), point('2026-10', false), point('2026-11', true)],
  targets: [],
  ...over,
});

const content = (over: Partial<ReportContent> = {}): ReportContent => ({
  organisationName: 'CCAS de Valmont',
  subscriptionName: 'Conseil',
  period: '2026-11',
  coverage: 'year_to_date',
  preview: false,
  language: 'fr',
  indicators: ['grossSavings', 'cost', 'netSavings', 'offsetRatio'],
  methodology: { version: 2, label: 'Méthode 2' },
  computedAt: '2026-12-01T07:00:00Z',
  dataAsOf: '2026-12-01T07:00:00Z',
  generatedAt: new Date('2026-12-05T07:00:00Z'),
  sections: [section()],
  dashboardUrl: 'http://levier.test/#/?orgUnit=VALMONT&from=2026-01&to=2026-11',
  unsubscribeUrl: 'http://levier.test/api/report-subscriptions/unsubscribe?token=abc.def',
  ...over,
});

describe(headlineRows.name, () => {
  it('puts public money first, then the all-payer figures under their heading, then the households apart', () => {
    expect(headlineRows(fr, content(), section()).map((r) => r.label)).toEqual([
      'Finances publiques : épargne médico-sociale nette',
      'Finances publiques : coûts évités',
      'Finances publiques : coût des services',
      'Finances publiques : coûts évités pour 1 € investi',
      'Tous payeurs, ménages compris',
      'Coûts évités (bruts)',
      'Coût des services',
      'Épargne médico-sociale nette',
      'Coûts évités pour 1 € investi',
      'À part, ménages (usagers) : épargne médico-sociale nette',
    ]);
  });

  it('keeps the chosen all-payer figures alone under conventions 1', () => {
    const rows = headlineRows(fr, content(), section({ current: headline({ public: null }), previous: headline({ public: undefined }) }));
    expect(rows.map((r) => r.key)).toEqual(['grossSavings', 'cost', 'netSavings', 'offsetRatio']);
  });
});

describe('a year-to-date report', () => {
  it('is titled « cumul de l’année 2026 à fin novembre » and compared with the same months of 2025', () => {
    expect(coveredPeriodLabel('year_to_date', '2026-11')).toBe('cumul de l’année 2026 à fin novembre');
    expect(coveredPeriodLabel('month', '2026-11')).toBe('novembre 2026');
    expect(reportSubject(content())).toBe('Levier — Conseil — cumul de l’année 2026 à fin novembre — CCAS de Valmont');
    const text = reportText(content());
    expect(text).toContain('Épargne médico-sociale — cumul de l’année 2026 à fin novembre');
    // the text part writes plain spaces; public net 30 000 € first, compared with the same months of 2025
    expect(text).toContain('  Finances publiques : épargne médico-sociale nette : 30 000,00 € (cumul de l’année 2025 à fin novembre : 30 000,00 €)');
    expect(text.indexOf('Finances publiques : épargne médico-sociale nette')).toBeLessThan(text.indexOf('  Coûts évités (bruts)'));
    expect(text).toContain('À part, ménages (usagers) : épargne médico-sociale nette : 20 000,00 €');
  });

  it('never writes the M57 ratios « épargne brute » or « épargne nette » alone, in the email or its text', () => {
    for (const written of [reportMjml(content()), reportText(content())]) {
      expect(written).not.toMatch(/[ée]pargne (brute|nette)/i);
      expect(written).toContain('Finances publiques');
    }
  });
});

describe('a month without data', () => {
  it('reads « pas de données » in the CSV, never 0 nor a blank', () => {
    const csv = reportCsv(content()).content.toString('utf8');
    const october = csv.split('\n').find((line) => line.includes(';2026-10;'));
    expect(october).toBe('VALMONT;;2026-10;pas de données;pas de données;pas de données;pas de données;pas de données;pas de données;pas de données\r');
  });

  it('is a greyed band named in the chart legend, with no bar, on round ticks', () => {
    const svg = buildChartSvg({ title: 'Valmont', points: section().series, masked: false, messages: fr });
    expect(svg).toContain('data-no-data="2026-10"');
    expect(svg).toContain('>pas de données</text>');
    // the legend's swatch and one avoided-costs bar for each of the two months with data
    expect(svg.match(/fill="#2e7d5b"\/>/g)).toHaveLength(3);
    // 0 … 150 000: raw step 37 500 → 50 000
    for (const tick of ['0 €', '50 k€', '100 k€', '150 k€']) expect(svg).toContain(`>${tick}</text>`);
  });

  it('writes a 2 500 € step as « 2,5 k€ », never a rounded « 3 k€ »', () => {
    // 0 … 9 000: raw step 2 250 → 2 500
    expect(niceTicks(new Decimal(0), new Decimal(9000)).map(compactFrenchEuros)).toEqual(['0 €', '2,5 k€', '5 k€', '7,5 k€', '10 k€']);
  });
});
