import { parameterSentences } from './parameter-sentences';

const NBSP = '\u00a0';
const labels = new Map([
  ['JOURNEE_EHPAD', 'Journée en EHPAD'],
  ['JOURNEE_DOMICILE_APA_SSIAD', 'Journée à domicile avec APA et SSIAD'],
]);

describe(parameterSentences.name, () => {
  it('writes an assumption in French sentences, with its range in increasing order', () => {
    const sut = parameterSentences(
      {
        mode: 'counterfactual',
        rateWithout: '0.30',
        rateWith: { low: '0.16', central: '0.12', high: '0.10' },
        attribution: '0.20',
        unitCost: 'JOURNEE_EHPAD',
        substitutionCost: 'JOURNEE_DOMICILE_APA_SSIAD',
        quantityPerEvent: '182.5',
      },
      labels,
    );
    expect(sut).toEqual([
      'Mode de calcul : contrefactuel (taux d’événements avec et sans le service)',
      'Taux d’événements sans le service : 0,3 par personne et par an',
      'Taux d’événements avec le service : 0,12 par personne et par an (fourchette 0,1 – 0,16)',
      `Part due à d’autres acteurs (attribution) : 20${NBSP}%`,
      'Coût unitaire : Journée en EHPAD',
      'Coût de substitution : Journée à domicile avec APA et SSIAD',
      'Quantité par événement évité : 182,5',
    ]);
  });

  it('writes the methodology parameters, the discount rate as a percentage', () => {
    expect(parameterSentences({ baseYear: 2024, conventions: 2, discountRate: '0.032', discountConvention: 0 }, new Map())).toEqual([
      'Année de base des euros constants : 2024',
      'Conventions de calcul : méthode 2 (finances publiques d’abord, ménages à part)',
      `Taux d’actualisation : 3,2${NBSP}%`,
      'Convention d’actualisation : première année non actualisée (t0 = 0)',
    ]);
  });

  it('names a mix of unit costs with their shares', () => {
    expect(
      parameterSentences(
        {
          unitCost: [
            { code: 'JOURNEE_EHPAD', share: '0.7' },
            { code: 'X', share: '0.3' },
          ],
        },
        labels,
      ),
    ).toEqual([`Coûts unitaires : Journée en EHPAD (70${NBSP}%), X (30${NBSP}%)`]);
  });
});
