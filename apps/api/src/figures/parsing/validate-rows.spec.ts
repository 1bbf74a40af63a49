import { demoCatalogue } from '../../../../../test/factories/demo-catalogue.factory';
import { validateRows } from './validate-rows';
import type { FigureCatalogue } from './figure-catalogue.types';
import type { CellValue, FigureField, RawRow } from './figure-file.types';
import type { RowError } from './row-validation.types';

const HEADERS = { orgUnit: 'Unité', service: 'Service', metric: 'Indicateur', period: 'Période', value: 'Valeur', comment: 'Commentaire' };

let nextLine = 2;
const row = (cells: Partial<Record<FigureField, CellValue>> = {}, line = nextLine++): RawRow => ({
  line,
  cells: { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-05', value: '100', ...cells },
});

const errorsOf = (rows: RawRow[], catalogue: FigureCatalogue = demoCatalogue()): RowError[] => {
  const result = validateRows({ rows, headers: HEADERS, catalogue });
  return result.ok ? [] : result.errors;
};

const only = (cells: Partial<Record<FigureField, CellValue>>): Pick<RowError, 'code' | 'column' | 'value'> => {
  const errors = errorsOf([row(cells)]);
  expect(errors).toHaveLength(1);
  const [{ code, column, value }] = errors;
  return { code, column, value };
};

beforeEach(() => {
  nextLine = 2;
});

describe(validateRows.name, () => {
  it('normalises a valid row: codes, canonical period, decimal value, comment', () => {
    const sut = validateRows({
      rows: [row({ orgUnit: 'valmont-nord', service: 'saad', period: 'mai 2024', value: '1\u202F234,50 €', comment: '  heures sup. ' })],
      headers: HEADERS,
      catalogue: demoCatalogue(),
    });
    expect(sut).toEqual({
      ok: true,
      rows: [{ line: 2, orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-05', value: '1234.50', comment: 'heures sup.' }],
    });
  });

  it('converts a date cell with the service granularity: a quarterly service gets the quarter', () => {
    const sut = validateRows({
      rows: [
        row({ service: 'LOGEMENT_DABORD', period: new Date(Date.UTC(2024, 7, 15)) }),
        row({ service: 'SAAD', period: new Date(Date.UTC(2024, 7, 15)), value: 2301.25 }),
      ],
      catalogue: demoCatalogue(),
    });
    expect(sut.ok && sut.rows.map((r) => [r.period, r.value])).toEqual([
      ['2024-Q3', '100'],
      ['2024-08', '2301.25'],
    ]);
  });

  it.each<[string, Partial<Record<FigureField, CellValue>>, Pick<RowError, 'code' | 'column' | 'value'>]>([
    ['a blank org unit', { orgUnit: ' ' }, { code: 'missing_org_unit', column: 'Unité', value: ' ' }],
    ['an unknown org unit', { orgUnit: 'VALMONT-EST' }, { code: 'unknown_org_unit', column: 'Unité', value: 'VALMONT-EST' }],
    ['a parent org unit', { orgUnit: 'VALMONT' }, { code: 'not_a_leaf_unit', column: 'Unité', value: 'VALMONT' }],
    ['a blank service', { service: null }, { code: 'missing_service', column: 'Service', value: '' }],
    ['an unknown service', { service: 'PORTAGE_REPAZ' }, { code: 'unknown_service', column: 'Service', value: 'PORTAGE_REPAZ' }],
    ['an unknown metric', { metric: 'spent' }, { code: 'unknown_metric', column: 'Indicateur', value: 'spent' }],
    [
      'an outcome of another service',
      { metric: 'observed.placement_evite' },
      { code: 'metric_not_for_service', column: 'Indicateur', value: 'observed.placement_evite' },
    ],
    ['a blank period', { period: '' }, { code: 'missing_period', column: 'Période', value: '' }],
    ['month 13', { period: '2024-13' }, { code: 'invalid_period', column: 'Période', value: '2024-13' }],
    ['a quarter for a monthly service', { period: '2024-T2' }, { code: 'period_granularity', column: 'Période', value: '2024-T2' }],
    ['a year for a monthly service', { period: 2024 }, { code: 'period_granularity', column: 'Période', value: '2024' }],
    ['a month for a quarterly service', { service: 'LOGEMENT_DABORD', period: '2024-05' }, { code: 'period_granularity', column: 'Période', value: '2024-05' }],
    ['a blank value (blank is not zero)', { value: '' }, { code: 'missing_value', column: 'Valeur', value: '' }],
    ['an absent value cell', { value: null }, { code: 'missing_value', column: 'Valeur', value: '' }],
    ['words', { value: 'douze' }, { code: 'not_a_number', column: 'Valeur', value: 'douze' }],
    ['bad thousands groups', { value: '1 23,5' }, { code: 'not_a_number', column: 'Valeur', value: '1 23,5' }],
    ['a date in the value column', { value: new Date(Date.UTC(2024, 0, 1)) }, { code: 'not_a_number', column: 'Valeur', value: '2024-01-01' }],
    ['a spreadsheet error value', { value: '#DIV/0!' }, { code: 'not_a_number', column: 'Valeur', value: '#DIV/0!' }],
    ['a negative spend', { value: '-500' }, { code: 'below_min', column: 'Valeur', value: '-500' }],
    ['a negative number cell', { value: -0.5 }, { code: 'below_min', column: 'Valeur', value: '-0.5' }],
    ['half a beneficiary', { metric: 'beneficiaries', value: '12,5' }, { code: 'not_an_integer', column: 'Valeur', value: '12,5' }],
  ])('reports %s', (_, cells, expected) => {
    expect(only(cells)).toEqual(expected);
  });

  it('reports a service not run at the unit', () => {
    const catalogue = demoCatalogue();
    const services = new Map(catalogue.services);
    services.set('AED', { granularity: 'month', orgUnits: new Set(['VALMONT-SUD']) });
    expect(errorsOf([row({ service: 'AED' })], { ...catalogue, services }).map((e) => e.code)).toEqual(['service_not_at_unit']);
  });

  it('reports a value above the metric maximum', () => {
    const catalogue = demoCatalogue();
    const metrics = new Map(catalogue.metrics);
    metrics.set('rate', { min: '0', max: '1', integer: false });
    const services = new Map([...catalogue.services].map(([code, s]) => [code, { ...s, metrics: undefined }]));
    const errors = errorsOf([row({ metric: 'rate', value: '120 %' }), row({ metric: 'rate', value: '12,5 %' })], { ...catalogue, metrics, services });
    expect(errors.map((e) => [e.line, e.code, e.message])).toEqual([[2, 'above_max', expect.stringContaining('La valeur 1,20 dépasse le maximum')]]);
  });

  it('collects every error of a row and of every row', () => {
    const errors = errorsOf([row({ orgUnit: 'X', service: 'Y', metric: 'Z', period: 'hier', value: '' }), row({ value: 'abc' })]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'unknown_org_unit'],
      [2, 'unknown_service'],
      [2, 'unknown_metric'],
      [2, 'invalid_period'],
      [2, 'missing_value'],
      [3, 'not_a_number'],
    ]);
  });

  it('reports a repeated key on the later line, with or without a different value, once per repeat', () => {
    const errors = errorsOf([row({ value: '12 000' }), row({ value: '12000,00' }), row({ period: '05/2024', value: '12 500' })]);
    expect(errors.map((e) => [e.line, e.column, e.value, e.code, e.message])).toEqual([
      [3, null, null, 'duplicate_key', expect.stringContaining("Ligne en double : même unité, service, indicateur et période qu'à la ligne 2")],
      [4, null, null, 'duplicate_key', expect.stringContaining('autre valeur (12\u00A0000 puis 12\u00A0500)')],
    ]);
  });

  it('names a repeated figure and a metric out of bounds by their labels, not their codes', () => {
    const demo = demoCatalogue();
    const catalogue: FigureCatalogue = {
      orgUnits: new Map([...demo.orgUnits].map(([code, unit]) => [code, code === 'VALMONT-NORD' ? { ...unit, label: 'Antenne Valmont Nord' } : unit])),
      services: new Map([...demo.services].map(([code, service]) => [code, code === 'SAAD' ? { ...service, label: 'Aide à domicile' } : service])),
      metrics: new Map([...demo.metrics].map(([code, metric]) => [code, code === 'spend' ? { ...metric, label: 'Dépenses' } : metric])),
    };
    const [duplicate, belowMin] = errorsOf([row(), row(), row({ value: '-3 000', period: '2024-06' })], catalogue);
    expect(duplicate.message).toContain('(Antenne Valmont Nord · Aide à domicile · Dépenses · mai 2024)');
    expect(belowMin.message).toContain("au minimum de l'indicateur « Dépenses » (0)");
    for (const { message } of [duplicate, belowMin]) expect(message).not.toMatch(/VALMONT-NORD|SAAD|spend|2024-05/u);
  });

  it('names columns by field when the file gave no header text', () => {
    const result = validateRows({ rows: [row({ value: 'x' })], catalogue: demoCatalogue() });
    expect(result.ok ? [] : result.errors.map((e) => e.column)).toEqual(['value']);
  });

  it('suggests the nearest code for a typo', () => {
    const [error] = errorsOf([row({ metric: 'benefciaries' })]);
    expect(error.message).toContain('Vouliez-vous dire beneficiaries ?');
  });

  it('accepts an empty file as no rows', () => {
    expect(validateRows({ rows: [], catalogue: demoCatalogue() })).toEqual({ ok: true, rows: [] });
  });
});
