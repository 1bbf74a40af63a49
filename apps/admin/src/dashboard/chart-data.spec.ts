import { summaryConventions2Factory, summaryFactory } from '../test-utils/factories';
import { hasLedger, toComparisons, toLedgerRows, toPayerRows, toSankeyData, toServiceRows, toTargetLines } from './chart-data';
import { comparisonScopes, periodSpan, shiftPeriod } from './scope';

describe(toPayerRows.name, () => {
  it('sorts payers by amount and keeps the strings for the table', () => {
    const rows = toPayerRows([
      { key: 'ETAT', amount: '10.5', low: '9', high: '12' },
      { key: 'USAGER', amount: '200', low: null, high: null },
    ]);
    expect(rows.map((r) => [r.key, r.amount])).toEqual([
      ['USAGER', 200],
      ['ETAT', 10.5],
    ]);
    expect(rows[1].raw).toEqual({ amount: '10.5', low: '9', high: '12' });
  });

  it('falls back on the summary byPayer and its ranges when the series is missing', () => {
    const rows = toPayerRows(null, summaryFactory({ ranges: { low: { byPayer: { DEPARTEMENT: '1' } }, high: null } }));
    expect(rows.map((r) => r.key)).toEqual(['ASSURANCE_MALADIE', 'DEPARTEMENT']);
    expect(rows[1].raw.low).toBe('1');
  });
});

describe(toLedgerRows.name, () => {
  it('plots avoided costs to the right, costs borne to the left and the net, keeping the strings', () => {
    const rows = toLedgerRows([
      { key: 'ASSURANCE_MALADIE', amount: '620000.00', low: '500000', high: '750000', cost: '0.00', net: '620000.00' },
      { key: 'COMMUNE_CCAS', amount: '0.00', cost: '900000.00', net: '-900000.00' },
    ]);
    expect(rows.map((r) => [r.key, r.avoided, r.costBorne, r.net, r.negative])).toEqual([
      ['ASSURANCE_MALADIE', 620000, 0, 620000, false],
      ['COMMUNE_CCAS', 0, -900000, -900000, true],
    ]);
    expect(rows[1].raw).toEqual({ avoided: '0.00', cost: '900000.00', net: '-900000.00', low: null, high: null });
  });

  it('keeps a payer whose net is negative, and derives a missing net exactly from the strings', () => {
    // 227 325.45 − 525 000.10 = −297 674.65
    const [row] = toLedgerRows([{ key: 'DEPARTEMENT', amount: '227325.45', cost: '525000.10' }]);
    expect(row).toMatchObject({ net: -297674.65, negative: true });
    expect(row.raw.net).toBe('-297674.65');
  });

  it('falls back on the summary’s ledger when the payer series has no costs, largest net first', () => {
    expect(hasLedger([{ key: 'ETAT', amount: '1' }])).toBe(false);
    const rows = toLedgerRows([{ key: 'ETAT', amount: '1' }], summaryConventions2Factory());
    expect(rows.map((r) => [r.key, r.raw.net])).toEqual([
      ['ASSURANCE_MALADIE', '620000.00'],
      ['USAGER', '443812.67'],
      ['DEPARTEMENT', '-297674.55'],
      ['COMMUNE_CCAS', '-900000.00'],
    ]);
  });
});

describe(toServiceRows.name, () => {
  it('labels services with the API label and orders them by avoided costs, blanks last', () => {
    const rows = toServiceRows([
      { key: 'A', label: 'Aide A', grossSavings: null, cost: '1', netSavings: null, offsetRatio: null },
      { key: 'B', grossSavings: '5', cost: '2', netSavings: '3', offsetRatio: '2.5', costPerEventAvoided: '12.5' },
    ]);
    expect(rows.map((r) => [r.label, r.grossSavings, r.costPerEventAvoided])).toEqual([
      ['B', 5, 12.5],
      ['Aide A', null, null],
    ]);
  });

  it('keeps a service’s stated note, trimmed, and none when blank', () => {
    const rows = toServiceRows([
      { key: 'A', grossSavings: '1', cost: '5', netSavings: '-4', offsetRatio: '0.2', note: '  Lien social, effets non chiffrés. ' },
      { key: 'B', grossSavings: '5', cost: '2', netSavings: '3', offsetRatio: '2.5', note: ' ' },
    ]);
    expect(rows.map((r) => r.note)).toEqual([null, 'Lien social, effets non chiffrés.']);
  });
});

describe(toSankeyData.name, () => {
  it('accepts names or indexes, draws givers on the left and receivers on the right (flows both ways included), drops zero and unknown flows', () => {
    const data = toSankeyData({
      nodes: [{ name: 'Fonction 423' }, { name: 'SAAD' }, { name: 'AED' }, { name: 'Inutilisé' }],
      links: [
        { source: 'Fonction 423', target: 'SAAD', value: '100' },
        { source: 1, target: 2, value: 40 },
        { source: 'AED', target: 'Fonction 423', value: '5' },
        { source: 0, target: 2, value: '0' },
        { source: 'Inconnu', target: 'SAAD', value: '3' },
      ],
    });
    expect(data.nodes.map((n) => n.name)).toEqual(['Fonction 423', 'SAAD', 'AED', 'Fonction 423', 'SAAD', 'AED']);
    expect(data.links.map((l) => [l.source, l.target, l.value])).toEqual([
      [0, 4, 100],
      [1, 5, 40],
      [2, 3, 5],
    ]);
    expect(data.dropped).toBe(2);
  });

  it('is empty without flows', () => {
    expect(toSankeyData(null)).toEqual({ nodes: [], links: [], dropped: 0 });
  });
});

describe(toComparisons.name, () => {
  it('gives the relative change against each base, or null when the base is blank or zero', () => {
    const [gross, cost] = toComparisons(summaryFactory({ grossSavings: '110', cost: '50' }), summaryFactory({ grossSavings: '100', cost: '0' }), null);
    expect(gross).toMatchObject({ current: '110', previous: '100', vsPrevious: 10, lastYear: null, vsLastYear: null });
    expect(cost.vsPrevious).toBeNull();
  });

  it('measures the change of a negative base against its size', () => {
    const [, , net] = toComparisons(summaryFactory({ netSavings: '-50' }), summaryFactory({ netSavings: '-100' }));
    expect(net.vsPrevious).toBe(50);
  });
});

describe(toTargetLines.name, () => {
  it('keeps the targets of the charted indicators that have a value', () => {
    expect(
      toTargetLines(
        [
          { indicator: 'netSavings', target: '5000', label: 'Objectif 2024' },
          { indicator: 'offsetRatio', target: '1' },
          { indicator: 'grossSavings', value: 'n/a' },
        ],
        ['grossSavings', 'netSavings'],
      ),
    ).toEqual([{ indicator: 'netSavings', value: 5000, label: 'Objectif 2024' }]);
  });
});

describe('comparison periods', () => {
  it('shifts months, quarters and years', () => {
    expect([shiftPeriod('2024-01', -1), shiftPeriod('2024-Q1', -1), shiftPeriod('2024', -2), shiftPeriod('2024-12', 1)]).toEqual([
      '2023-12',
      '2023-Q4',
      '2022',
      '2025-01',
    ]);
  });

  it('counts the periods of a range', () => {
    expect([periodSpan('2024-01', '2024-12'), periodSpan('2024-Q2', '2024-Q3'), periodSpan('2024', '2024-12'), periodSpan('2024-05', '2024-01')]).toEqual([
      12,
      2,
      null,
      null,
    ]);
  });

  it('gives the previous period of the same length and the same period last year', () => {
    expect(comparisonScopes({ orgUnit: 'X', from: '2024-04', to: '2024-06' })).toEqual({
      previous: { orgUnit: 'X', from: '2024-01', to: '2024-03' },
      lastYear: { orgUnit: 'X', from: '2023-04', to: '2023-06' },
    });
    expect(comparisonScopes({ orgUnit: '', from: '2024', to: '2024-06' })).toEqual({ previous: null, lastYear: null });
  });
});
