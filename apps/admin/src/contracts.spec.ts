/** The admin against the API's real contracts (controllers, DTOs and mappers under apps/api/src). */
import { HttpError } from 'react-admin';
import { createDataProvider, reallocationRange } from './dataProvider';
import type { HttpClient } from './http/http-client';
import { writableBody } from './resources/writable-body';
import { lastMonthWithData, scopeEndingAt } from './dashboard/scope';
import { meanCoverage } from './dashboard/ReallocationSection';
import { caretLine } from './custom-indicators/FormulaPreview';
import { payersValidator } from './common/inputs';
import { actionsFor } from './periods/PeriodViews';

const client = (json: unknown, status = 200) => {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const http: HttpClient = async (url, init) => {
    calls.push({ url, init });
    if (status >= 400) throw new HttpError('invalid', status, json);
    return { status, headers: new Headers({ 'Content-Range': 'x 0-0/1' }), body: JSON.stringify(json), json };
  };
  return { http, calls };
};

describe('GET /api/indicators/reallocation', () => {
  it('sends only from/to, as years for whole years and months otherwise (quarters become months)', () => {
    expect(reallocationRange({ from: '2024-01', to: '2024-12' })).toEqual({ orgUnit: '', from: '2024', to: '2024' });
    expect(reallocationRange({ from: '2024-02', to: '2024-12' })).toEqual({ orgUnit: '', from: '2024-02', to: '2024-12' });
    expect(reallocationRange({ from: '2024-Q2', to: '2024-Q3' })).toEqual({ orgUnit: '', from: '2024-04', to: '2024-09' });
    expect(reallocationRange({ from: '2023', to: '2024' })).toEqual({ orgUnit: '', from: '2023', to: '2024' });
  });

  it('never sends the org unit, the service or the basis (the API refuses unknown parameters)', async () => {
    const { http, calls } = client({ flows: { budget: { nodes: [], links: [] }, staff: { nodes: [], links: [] } } });
    await createDataProvider(http).getReallocation!({ orgUnit: 'VALMONT-NORD', from: '2024-03', to: '2024-05', service: 'SAAD', basis: 'reported' });
    expect(calls[0].url).toBe('/api/indicators/reallocation?from=2024-03&to=2024-05');
  });

  it('averages the coverage of each need', () => {
    expect(meanCoverage({ A: '0.5', B: '1', C: null })).toBe('0.750000');
    expect(meanCoverage({})).toBeNull();
  });
});

describe('GET /api/indicators/alerts', () => {
  it('asks for the year the scope ends in, with the org unit, and reads `items`', async () => {
    const item = { targetId: 't', indicator: 'offsetRatio', kind: 'system', orgUnit: 'VALMONT', year: 2024, status: 'below', message: 'm' };
    const { http, calls } = client({ year: 2024, orgUnit: 'VALMONT', alerts: 1, items: [item] });
    const items = await createDataProvider(http).getAlerts!({ orgUnit: 'VALMONT', from: '2024-01', to: '2024-12', service: 'SAAD' });
    expect(calls[0].url).toBe('/api/indicators/alerts?orgUnit=VALMONT&year=2024');
    expect(items).toEqual([item]);
  });
});

describe('writes (POST / PUT with forbidNonWhitelisted DTOs)', () => {
  it('keeps only the fields of the DTO, blanks as null, years as integers', () => {
    expect(
      writableBody('users', {
        id: 'u',
        email: 'a@b.fr',
        displayName: 'A',
        role: 'viewer',
        orgUnit: '',
        locked: false,
        createdAt: 'x',
        active: true,
        password: '',
      }),
    ).toEqual({ email: 'a@b.fr', displayName: 'A', role: 'viewer', active: true });
    expect(writableBody('price-indices', { id: 'p', series: 'S', year: '2024', value: '119.5', base: '2015=100', source: '' })).toEqual({
      series: 'S',
      year: 2024,
      value: '119.5',
      base: '2015=100',
      source: null,
    });
    expect(writableBody('unknown', { a: 1 })).toEqual({ a: 1 });
  });

  it('sends the period a report subscription covers (the form’s choice was dropped before)', () => {
    const body = writableBody('report-subscriptions', { id: 's', name: 'Cumul', schedule: '0 8 5 * *', periodCovered: 'year_to_date', nextRunAt: 'x' });
    expect(body).toEqual({ name: 'Cumul', schedule: '0 8 5 * *', periodCovered: 'year_to_date' });
  });

  it('turns the API validation errors into react-admin field errors', async () => {
    const { http } = client({ detail: 'Corrigez.', errors: [{ path: 'params.rateWith', message: 'nombre décimal invalide' }] }, 422);
    await expect(
      createDataProvider(http).create('outcome-assumptions', { data: { service: 'SAAD', code: 'X', label: 'x', params: {}, justification: 'abc' } }),
    ).rejects.toMatchObject({
      status: 422,
      body: { errors: { params: 'rateWith : nombre décimal invalide', root: { serverError: 'Corrigez.' } } },
    });
  });
});

describe('default dashboard period', () => {
  it('ends at the last month with numbers, twelve months long', () => {
    expect(
      lastMonthWithData([
        { key: '2024-11', grossSavings: '1', cost: '2' },
        { key: '2024-12', grossSavings: '3', cost: null },
        { key: '2025-01', grossSavings: null, cost: null },
      ]),
    ).toBe('2024-12');
    expect(lastMonthWithData([])).toBeNull();
    expect(scopeEndingAt('2024-12')).toEqual({ orgUnit: '', from: '2024-01', to: '2024-12' });
    expect(scopeEndingAt('2024-03')).toEqual({ orgUnit: '', from: '2023-04', to: '2024-03' });
  });
});

describe('editors', () => {
  it('points a caret at the 0-based position of a formula error', () => {
    expect(caretLine('#{spend} +* 2', 10)).toBe(`${' '.repeat(10)}^`);
  });

  it('wants payer shares that sum to exactly 1', () => {
    const validate = payersValidator();
    expect(validate({ ASSURANCE_MALADIE: '0.3', DEPARTEMENT: '0.15', USAGER: '0.55' }, {}, {})).toBeUndefined();
    expect(validate({ ASSURANCE_MALADIE: '0.3', USAGER: '0.6' }, {}, {})).toBe('levier.validation.payers_sum');
    expect(validate({ USAGER: '1.5' }, {}, {})).toBe('levier.validation.share');
    expect(validate({}, {}, {})).toBe('levier.validation.payers_required');
  });

  it('offers the period actions the API accepts from each status', () => {
    expect(actionsFor('approved')).toEqual(['reopen']);
    expect(actionsFor('submitted')).toEqual(['approve']);
    expect(actionsFor('draft')).toEqual(['submit', 'approve']);
  });
});
