import { inspectTable, type TableRecord } from './figure-table';

const records = (lines: ReadonlyArray<ReadonlyArray<string | number | null>>): TableRecord[] => lines.map((cells, i) => ({ line: i + 1, cells: [...cells] }));

describe(inspectTable.name, () => {
  it('returns the detected header of a wide sheet under a title block, the field of each column and the period columns', () => {
    const sut = inspectTable(
      records([
        ['Suivi mensuel', null, null, null, null],
        [null, null, null, null, null],
        ['Unité', 'Service', 'Indicateur', 'janv. 2024', 'févr. 2024'],
        ['Antenne Nord', 'Portage de repas', 'Dépenses', '12 345,67', null],
      ]),
    );
    expect(sut.headerLine).toBe(3);
    expect(sut.detected).toEqual({
      layout: 'periods_as_columns',
      columns: { orgUnit: 'Unité', service: 'Service', metric: 'Indicateur' },
      valueColumns: ['janv. 2024', 'févr. 2024'],
    });
    expect(sut.sample).toEqual([{ line: 4, cells: ['Antenne Nord', 'Portage de repas', 'Dépenses', '12 345,67', ''] }]);
  });

  it('without a recognised header, proposes the first line with the most filled cells and detects nothing', () => {
    const sut = inspectTable(
      records([['Export du logiciel'], ['Site', 'Prestation', 'Mesure', 'Mois', 'Montant'], ['Nord', 'Repas', 'Bénéf.', '2024-01', 12]]),
    );
    expect(sut).toMatchObject({ headerLine: 2, detected: null, headers: ['Site', 'Prestation', 'Mesure', 'Mois', 'Montant'] });
    expect(sut.sample).toEqual([{ line: 3, cells: ['Nord', 'Repas', 'Bénéf.', '2024-01', '12'] }]);
  });

  it('returns five rows under the header at most, and the first twenty lines to choose another header line', () => {
    const lines = [
      ['Service', 'Indicateur', 'Période', 'Valeur'],
      ...Array.from({ length: 40 }, (_, i) => ['Portage de repas', 'Dépenses', '2024-01', String(i)]),
    ];
    const sut = inspectTable(records(lines));
    expect(sut.sample.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(sut.firstLines).toHaveLength(20);
    expect(sut.detected?.layout).toBe('long');
  });

  it('reads an empty sheet as no header at all', () => {
    expect(inspectTable(records([[null], ['  ']]))).toEqual({
      headerLine: null,
      detected: null,
      headers: [],
      firstLines: [
        { line: 1, cells: [''] },
        { line: 2, cells: ['  '] },
      ],
      sample: [],
    });
  });
});
