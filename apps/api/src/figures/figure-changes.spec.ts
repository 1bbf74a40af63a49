import { planChanges, StoredFigure, StoredSeries } from './figure-changes';
import type { ResolvedFigure } from './figure.repository';

const row = (period: string, value: string, extra: Partial<ResolvedFigure> = {}): ResolvedFigure => ({
  orgUnitId: 'u1',
  serviceId: 's1',
  metricId: 'm1',
  orgUnit: 'NORD',
  service: 'SAAD',
  metric: 'spend',
  period,
  value,
  comment: null,
  ...extra,
});
const stored = (period: string, value: string, extra: Partial<StoredFigure> = {}): StoredFigure => ({
  id: `id-${period}`,
  orgUnitId: 'u1',
  serviceId: 's1',
  metricId: 'm1',
  period,
  value,
  status: 'draft',
  comment: null,
  ...extra,
});
const months = (year: number, values: string[]): StoredFigure[] => values.map((v, i) => stored(`${year}-${String(i + 1).padStart(2, '0')}`, v));

describe('StoredSeries', () => {
  it('gives the latest earlier values of the same series and period type, latest first, at most depth', () => {
    const series = new StoredSeries([
      ...months(2023, ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']),
      ...months(2024, ['13', '14']),
      stored('2023-Q4', '999'),
      stored('2023', '9999'),
      stored('2024-01', '77', { serviceId: 's2' }),
    ]);
    expect(series.history(row('2024-02', '1'))).toEqual(['13', '12', '11', '10', '9', '8', '7', '6', '5', '4', '3', '2']);
    expect(series.history(row('2023-03', '1'))).toEqual(['2', '1']);
    expect(series.history(row('2024-Q1', '1'))).toEqual(['999']);
    expect(series.history(row('2024', '1'))).toEqual(['9999']);
    expect(series.history(row('2023-01', '1'))).toEqual([]);
    expect(series.history(row('2024-02', '1', { metricId: 'other' }))).toEqual([]);
    expect(series.history(row('2024-03', '1'), 3)).toEqual(['14', '13', '12']);
  });

  it('finds the stored figure under a row key, whatever order the figures came in', () => {
    const series = new StoredSeries([stored('2024-02', '2'), stored('2024-01', '1')]);
    expect(series.find(row('2024-01', '5'))?.id).toBe('id-2024-01');
    expect(series.find(row('2024-03', '5'))).toBeUndefined();
    expect(series.history(row('2024-03', '5'))).toEqual(['2', '1']);
  });
});

describe('planChanges', () => {
  const ids = () => {
    let n = 0;
    return () => `new-${(n += 1)}`;
  };

  it('creates missing figures, changes different values, and leaves numerically equal ones alone', () => {
    const series = new StoredSeries([stored('2024-01', '12.50'), stored('2024-02', '7')]);
    const changes = planChanges([row('2024-01', '12.5'), row('2024-02', '8'), row('2024-03', '1')], series, ids());
    expect(changes.unchanged).toBe(1);
    expect(changes.updates.map((u) => [u.row.period, u.before.value])).toEqual([['2024-02', '7']]);
    expect(changes.inserts.map((i) => [i.id, i.row.period])).toEqual([['new-1', '2024-03']]);
  });

  it('changes a figure when a row brings a different comment, not when it brings none', () => {
    const series = new StoredSeries([stored('2024-01', '5', { comment: 'estimation' }), stored('2024-02', '5', { comment: 'estimation' })]);
    const changes = planChanges([row('2024-01', '5', { comment: 'corrigé' }), row('2024-02', '5')], series, ids());
    expect(changes.updates.map((u) => u.row.period)).toEqual(['2024-01']);
    expect(changes.unchanged).toBe(1);
  });
});
