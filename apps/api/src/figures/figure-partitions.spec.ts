import { FigurePartitionCache, yearsOfPeriods } from './figure-partitions';

/** A query function that records its calls and answers from a script. */
const recorder = (answer: (sql: string, params: unknown[]) => unknown[]) => {
  const calls: { sql: string; params: unknown[] }[] = [];
  return {
    calls,
    query: async (sql: string, params: unknown[] = []): Promise<unknown[]> => {
      calls.push({ sql, params });
      return answer(sql, params);
    },
  };
};

describe(FigurePartitionCache.name, () => {
  it('reads the years of months, quarters and years', () => {
    expect(yearsOfPeriods(['2024-Q4', '2015-03', '2024', '2024-01'])).toEqual([2015, 2024]);
  });

  it('creates only the years the catalogue lacks, on its own connection, then answers from memory', async () => {
    const em = recorder(() => [{ year: 2015 }]);
    const ds = recorder(() => [{ year: 2015, created: true }]);
    const sut = new FigurePartitionCache(ds);

    await sut.ensure(em, ['2015-03', '2024-01', '2024-02']);
    expect(em.calls.map((c) => c.params)).toEqual([[[2015, 2024]]]);
    expect(ds.calls.map((c) => c.params)).toEqual([[[2015]]]);
    expect(ds.calls[0].sql).toContain('levier_ensure_figure_partition');

    await sut.ensure(em, ['2024-Q1', '2015']);
    expect(em.calls).toHaveLength(1);
    expect(ds.calls).toHaveLength(1);
  });

  it('creates nothing when every year already has its partition', async () => {
    const em = recorder(() => []);
    const ds = recorder(() => []);
    await new FigurePartitionCache(ds).ensure(em, ['2024-05']);
    expect(em.calls).toHaveLength(1);
    expect(ds.calls).toEqual([]);
  });
});
