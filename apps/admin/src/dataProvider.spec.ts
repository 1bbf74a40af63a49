import { createDataProvider, scopeQuery } from './dataProvider';
import type { HttpClient } from './http/http-client';
import { seriesFactory, summaryFactory } from './test-utils/factories';

const recordingClient = (json: unknown, headers: Record<string, string> = {}) => {
  const urls: string[] = [];
  const client: HttpClient = async (url) => {
    urls.push(url);
    return { status: 200, headers: new Headers(headers), body: JSON.stringify(json), json };
  };
  return { client, urls };
};

describe(scopeQuery.name, () => {
  it('leaves blank parameters out', () => {
    expect(scopeQuery({ orgUnit: '', from: '2025-01', to: '2025-12' })).toBe('from=2025-01&to=2025-12');
    expect(scopeQuery({ orgUnit: 'CCAS', from: '2025', to: '2025' }, { groupBy: 'period' })).toBe('orgUnit=CCAS&from=2025&to=2025&groupBy=period');
  });
});

describe(createDataProvider.name, () => {
  it('lists with ra-data-simple-rest conventions and reads Content-Range', async () => {
    const { client, urls } = recordingClient([{ id: 1, code: 'SAAD' }], { 'Content-Range': 'services 0-0/1' });
    const sut = createDataProvider(client);

    const res = await sut.getList('services', { pagination: { page: 1, perPage: 25 }, sort: { field: 'code', order: 'ASC' }, filter: { kind: 'PREVENTION' } });

    expect(res).toEqual({ data: [{ id: 1, code: 'SAAD' }], total: 1 });
    const url = new URL(urls[0], 'http://x');
    expect(url.pathname).toBe('/api/services');
    expect(url.searchParams.get('sort')).toBe('["code","ASC"]');
    expect(url.searchParams.get('range')).toBe('[0,24]');
    expect(url.searchParams.get('filter')).toBe('{"kind":"PREVENTION"}');
  });

  it('reads the indicator summary for a scope', async () => {
    const summary = summaryFactory();
    const { client, urls } = recordingClient(summary);
    const sut = createDataProvider(client);

    await expect(sut.getIndicatorSummary({ orgUnit: 'CCAS-VAL', from: '2025-01', to: '2025-12' })).resolves.toEqual(summary);
    expect(urls).toEqual(['/api/indicators/summary?orgUnit=CCAS-VAL&from=2025-01&to=2025-12']);
  });

  it('reads a series and tolerates a body without items', async () => {
    const { client, urls } = recordingClient(seriesFactory());
    await expect(createDataProvider(client).getIndicatorSeries({ orgUnit: '', from: '2025', to: '2025' }, 'period')).resolves.toMatchObject({
      groupBy: 'period',
    });
    expect(urls[0]).toBe('/api/indicators/series?from=2025&to=2025&groupBy=period');

    const empty = recordingClient({});
    await expect(createDataProvider(empty.client).getIndicatorSeries({ orgUnit: '', from: '2025', to: '2025' }, 'payer')).resolves.toEqual({
      groupBy: 'payer',
      items: [],
    });
  });

  it('keeps the periods of a by-period series: which have no data or are not approved, as the API says', async () => {
    const periods = [
      { key: '2025-01', coverage: 'data', status: 'draft', complete: true, months: 1, monthsWithData: 1 },
      { key: '2025-02', coverage: 'no_data', status: 'none', complete: false, months: 1, monthsWithData: 0 },
    ];
    const { client } = recordingClient({ groupBy: 'period', items: [], periods });
    const series = await createDataProvider(client).getIndicatorSeries({ orgUnit: '', from: '2025-01', to: '2025-02' }, 'period');
    expect(series.periods).toEqual(periods);
  });
});
