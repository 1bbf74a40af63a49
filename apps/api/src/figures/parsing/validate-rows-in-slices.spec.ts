import { LoopSlicer } from '../../platform/event-loop/loop-slicer';
import { demoCatalogue } from '../../../../../test/factories/demo-catalogue.factory';
import { validateRows, validateRowsInSlices } from './validate-rows';
import type { RawRow } from './figure-file.types';

describe(validateRowsInSlices.name, () => {
  const rows = (n: number): RawRow[] =>
    Array.from({ length: n }, (_, i) => ({
      line: i + 2,
      cells: {
        orgUnit: i % 2 === 0 ? 'VALMONT-NORD' : 'VALMONT-SUD',
        service: 'SAAD',
        metric: 'spend',
        period: `${2000 + Math.floor(i / 24)}-${String(((i >> 1) % 12) + 1).padStart(2, '0')}`,
        value: i === 7 ? 'douze' : String(100 + i),
      },
    }));

  it('gives exactly what validateRows gives, errors and duplicates included, while yielding', async () => {
    const input = { rows: [...rows(3000), ...rows(3).map((r) => ({ ...r, line: r.line + 5000 }))], catalogue: demoCatalogue() };
    const slicer = new LoopSlicer(0);
    const sliced = await validateRowsInSlices(input, slicer);
    expect(sliced).toEqual(validateRows(input));
    expect(sliced.ok).toBe(false);
    expect(slicer.yields).toBeGreaterThan(1000);
  });

  it('gives the same rows as validateRows on a valid file', async () => {
    const input = { rows: rows(500).filter((r) => r.line !== 9), catalogue: demoCatalogue() };
    const sliced = await validateRowsInSlices(input, new LoopSlicer(0));
    expect(sliced).toEqual(validateRows(input));
    expect(sliced.ok && sliced.rows.length).toBe(499);
  });
});
