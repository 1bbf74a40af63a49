import { breadcrumb, optionLabels, toTreeOptions } from './org-tree';

const units = [
  { id: '3', code: 'VALMONT-SUD', name: 'Antenne Valmont Sud', parentId: '1' },
  { id: '1', code: 'VALMONT', name: 'CCAS de Valmont', parentId: null },
  { id: '2', code: 'VALMONT-NORD', name: 'Antenne Valmont Nord', parentId: '1' },
  { id: '4', code: 'NORD-A', name: 'Équipe A', parentCode: 'VALMONT-NORD' },
];

describe(toTreeOptions.name, () => {
  it('orders depth-first with siblings by name and records depth and leaves', () => {
    expect(toTreeOptions(units).map((o) => [o.code, o.depth, o.leaf])).toEqual([
      ['VALMONT', 0, false],
      ['VALMONT-NORD', 1, false],
      ['NORD-A', 2, true],
      ['VALMONT-SUD', 1, true],
    ]);
  });

  it('makes a unit whose parent is not visible a root', () => {
    expect(toTreeOptions([{ id: '2', code: 'VALMONT-NORD', name: 'Nord', parentId: '1' }])).toEqual([
      { code: 'VALMONT-NORD', name: 'Nord', depth: 0, leaf: true, inScope: true, path: ['VALMONT-NORD'] },
    ]);
  });

  it('keeps the API’s inScope flag, in scope when the API does not say', () => {
    const scoped = [
      { id: '1', code: 'VALMONT', name: 'CCAS de Valmont', parentId: null, inScope: false },
      { id: '2', code: 'VALMONT-NORD', name: 'Antenne Valmont Nord', parentId: '1', inScope: true },
    ];
    expect(toTreeOptions(scoped).map((o) => [o.code, o.inScope])).toEqual([
      ['VALMONT', false],
      ['VALMONT-NORD', true],
    ]);
    expect(toTreeOptions(units).every((o) => o.inScope)).toBe(true);
  });

  it('survives a cycle in bad data', () => {
    const cyclic = [
      { id: 'a', code: 'A', name: 'A', parentId: null },
      { id: 'b', code: 'B', name: 'B', parentId: 'c' },
      { id: 'c', code: 'C', name: 'C', parentId: 'b' },
    ];
    expect(toTreeOptions(cyclic).map((o) => o.code)).toEqual(['A']);
  });
});

describe(breadcrumb.name, () => {
  it('lists the ancestors down to the unit', () => {
    expect(breadcrumb(toTreeOptions(units), 'NORD-A').map((o) => o.code)).toEqual(['VALMONT', 'VALMONT-NORD', 'NORD-A']);
    expect(breadcrumb(toTreeOptions(units), 'NOPE')).toEqual([]);
  });
});

describe(optionLabels.name, () => {
  it('names each unit by its name, never its code', () => {
    const labels = optionLabels(toTreeOptions(units));
    expect([...labels.values()]).toEqual(['CCAS de Valmont', 'Antenne Valmont Nord', 'Équipe A', 'Antenne Valmont Sud']);
  });

  it('tells two units of the same name apart by their parents’ names', () => {
    const twins = [...units, { id: '5', code: 'SUD-A', name: 'Équipe A', parentId: '3' }];
    const labels = optionLabels(toTreeOptions(twins));
    expect(labels.get('NORD-A')).toBe('Équipe A — Antenne Valmont Nord');
    expect(labels.get('SUD-A')).toBe('Équipe A — Antenne Valmont Sud');
    expect(labels.get('VALMONT')).toBe('CCAS de Valmont');
  });
});
