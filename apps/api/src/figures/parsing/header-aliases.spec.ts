import { fieldForHeader, mapHeader, normaliseHeader } from './header-aliases';

describe(fieldForHeader.name, () => {
  it.each([
    ['Unité', 'orgUnit'],
    ['UNITÉ', 'orgUnit'],
    ['unite', 'orgUnit'],
    ['org_unit', 'orgUnit'],
    ['OrgUnit', 'orgUnit'],
    ['Org unit', 'orgUnit'],
    ['Unité organisationnelle', 'orgUnit'],
    ['Antenne', 'orgUnit'],
    ['Service', 'service'],
    ['SERVICE', 'service'],
    ['Indicateur', 'metric'],
    ['metric', 'metric'],
    ['Métrique', 'metric'],
    ['Période', 'period'],
    ['PÉRIODE', 'period'],
    ['periode', 'period'],
    ['period', 'period'],
    ['Mois', 'period'],
    ['Valeur', 'value'],
    ['value', 'value'],
    ['Montant (€)', 'value'],
    ['Valeur :', 'value'],
    ['Commentaire', 'comment'],
    ['comment', 'comment'],
    ['  Commentaires  ', 'comment'],
  ] as const)('maps %j to %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(['Libellé', 'Total', 'unit', 'Unité de mesure', ''])('ignores %j', (header) => {
    expect(fieldForHeader(header)).toBeNull();
  });
});

describe(normaliseHeader.name, () => {
  it('folds case, accents, punctuation and a trailing unit', () => {
    expect(normaliseHeader('  Unité_Organisationnelle (code) ')).toBe('unite organisationnelle');
  });
});

describe(mapHeader.name, () => {
  it('gives the column of each field, the header texts, and the ignored columns', () => {
    expect(mapHeader(['Unité', 'Libellé', 'Service', 'Indicateur', 'Période', 'Valeur', ''])).toEqual({
      columns: { orgUnit: 0, service: 2, metric: 3, period: 4, value: 5 },
      headers: { orgUnit: 'Unité', service: 'Service', metric: 'Indicateur', period: 'Période', value: 'Valeur' },
      ignored: ['Libellé'],
      missing: [],
      duplicated: [],
    });
  });

  it('names the missing required columns', () => {
    expect(mapHeader(['unite', 'service', 'valeur']).missing).toEqual(['metric', 'period']);
  });

  it('reports two columns naming the same field', () => {
    expect(mapHeader(['unite', 'service', 'indicateur', 'periode', 'valeur', 'montant']).duplicated).toEqual([
      { field: 'value', headers: ['valeur', 'montant'] },
    ]);
  });
});
