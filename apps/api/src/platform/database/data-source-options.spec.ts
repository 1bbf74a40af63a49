import { dataSourceOptions } from './data-source-options';

describe(dataSourceOptions.name, () => {
  it('opens the primary only when no replica is given', () => {
    const sut = dataSourceOptions('postgres://p/levier', { replicaUrls: [] });
    expect(sut).toMatchObject({ type: 'postgres', url: 'postgres://p/levier' });
    expect('replication' in sut).toBe(false);
  });

  it('adds one pool per replica and keeps every query on the primary unless a replica is asked for', () => {
    const sut = dataSourceOptions('postgres://p/levier', { replicaUrls: ['postgres://r1/levier', 'postgres://r2/levier'] });
    expect('replication' in sut && sut.replication).toEqual({
      master: { url: 'postgres://p/levier' },
      slaves: [{ url: 'postgres://r1/levier' }, { url: 'postgres://r2/levier' }],
      defaultMode: 'master',
    });
  });
});
