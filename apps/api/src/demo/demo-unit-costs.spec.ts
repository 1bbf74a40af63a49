import { REFERENCE_UNIT_COSTS, type ReferenceUnitCost } from '../methodology/reference-unit-costs';
import { DEMO_SUBSTITUTION_UNIT_COSTS } from './demo-methods';

/** Every unit cost the demo seeds: the shipped library and the demo's derived substitution cost. */
const DEMO_UNIT_COSTS: readonly ReferenceUnitCost[] = [...REFERENCE_UNIT_COSTS, ...DEMO_SUBSTITUTION_UNIT_COSTS];

/** Decrees and orders, and the national tariffs they fix: facts, never graded as evidence. */
const LEGAL_TEXT = /\b(décret|arrêté|tarif (plancher|minimal|journalier national)|tarification nationale)\b/i;

describe('the demo’s unit costs', () => {
  it('are regulated tariffs exactly when they are a price fixed by decree or order: the home-help floors and the psychiatric daily tariff', () => {
    const regulated = DEMO_UNIT_COSTS.filter((u) => u.nature === 'regulated_tariff').map((u) => u.code);
    expect(regulated).toEqual([
      'HEURE_AIDE_DOMICILE_2022',
      'HEURE_AIDE_DOMICILE_2023',
      'HEURE_AIDE_DOMICILE_2024',
      'HEURE_AIDE_DOMICILE_2025',
      'JOURNEE_HOSPITALISATION_PSY',
    ]);
    for (const u of DEMO_UNIT_COSTS.filter((c) => LEGAL_TEXT.test(`${c.label} ${c.sourceTitle}`)))
      expect([u.code, u.nature]).toEqual([u.code, 'regulated_tariff']);
  });

  it('give a regulated tariff no evidence grade, and every estimate one', () => {
    for (const u of DEMO_UNIT_COSTS) {
      if (u.nature === 'regulated_tariff') expect([u.code, u.grade]).toEqual([u.code, null]);
      else expect([u.code, u.grade !== null && u.grade >= 1 && u.grade <= 4]).toEqual([u.code, true]);
    }
  });

  it('never grade a cost figure « 1 — essai randomisé »: a cost comes from a study, an audit or statistics, not a trial', () => {
    expect(DEMO_UNIT_COSTS.filter((u) => u.grade === 1).map((u) => u.code)).toEqual([]);
  });

  it('grade a derived or dated estimate (local audit, ONDAM 2010, demo sum) 3, a national study or statistic 2', () => {
    const grades = Object.fromEntries(DEMO_UNIT_COSTS.filter((u) => u.nature !== 'regulated_tariff').map((u) => [u.code, u.grade]));
    expect(grades).toEqual({
      PASSAGE_URGENCES: 2,
      SEJOUR_MCO: 2,
      JOURNEE_EHPAD: 2,
      JOURNEE_EHPAD_HEBERGEMENT: 2,
      PLACE_SSIAD: 3,
      JOURNEE_SSIAD: 3,
      JOURNEE_APA_DOMICILE: 2,
      JOURNEE_ASE_MECS: 3,
      JOURNEE_ASE_FAMILLE_ACCUEIL: 3,
      JOURNEE_ASE_ACCUEIL_MOYEN: 2,
      NUITEE_HOTEL_URGENCE: 3,
      JOURNEE_DOMICILE_APA_SSIAD: 3,
    });
  });
});
