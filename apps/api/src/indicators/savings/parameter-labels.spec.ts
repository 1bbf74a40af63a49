import { LOCAL_EVALUATIONS, narrowingSentence, OUTCOME_KEYS, parameterLabel, parameterSource } from './parameter-labels';

describe(parameterLabel.name, () => {
  const labels = {
    services: new Map([['SAAD', 'Aide à domicile renforcée (SAAD)']]),
    outcomes: new Map([['SAAD/ENTREE_EHPAD', 'Entrée en EHPAD retardée']]),
    unitCosts: new Map([['JOURNEE_EHPAD', 'Journée en EHPAD']]),
  };

  it('says an outcome parameter with the service, the outcome and the assumption in words', () => {
    expect(parameterLabel('SAAD/ENTREE_EHPAD/rateWithout', labels)).toBe(
      'Aide à domicile renforcée (SAAD) — Entrée en EHPAD retardée : taux d’événements sans le service',
    );
  });

  it('says a unit-cost amount with the unit cost’s label', () => {
    expect(parameterLabel('unitCost/JOURNEE_EHPAD/amount', labels)).toBe('Coût unitaire « Journée en EHPAD » : montant');
  });
});

describe(narrowingSentence.name, () => {
  const labels = {
    services: new Map([['SAAD', 'Aide à domicile renforcée (SAAD)']]),
    outcomes: new Map([['SAAD/ENTREE_EHPAD', 'Entrée en EHPAD retardée']]),
    unitCosts: new Map([['JOURNEE_EHPAD', 'Journée en EHPAD']]),
  };

  it('names the local evaluation of an outcome assumption, with its outcome and service', () => {
    expect(narrowingSentence('SAAD/ENTREE_EHPAD/rateWithout', labels)).toBe(
      'Une évaluation locale du taux d’événements sans le service (Entrée en EHPAD retardée, Aide à domicile renforcée (SAAD)) resserrerait cette fourchette.',
    );
  });

  it('names the local calculation of a unit cost', () => {
    expect(narrowingSentence('unitCost/JOURNEE_EHPAD/amount', labels)).toBe(
      'Un calcul local du coût unitaire à partir des comptes des financeurs (« Journée en EHPAD ») resserrerait cette fourchette.',
    );
  });

  it('has an evaluation for every outcome key it can name', () => {
    expect(Object.keys(OUTCOME_KEYS).filter((key) => LOCAL_EVALUATIONS[key] === undefined)).toEqual([]);
  });
});

describe(parameterSource.name, () => {
  const refs = { unitCosts: new Map([['JOURNEE_EHPAD', 'u-1']]), outcomes: new Map([['SAAD/ENTREE_EHPAD', 'o-1']]) };

  it('points a unit cost’s amount to the unit cost and an outcome parameter to its outcome assumption', () => {
    expect(parameterSource('unitCost/JOURNEE_EHPAD/amount', refs)).toEqual({ resource: 'unit-costs', id: 'u-1' });
    expect(parameterSource('SAAD/ENTREE_EHPAD/deadweight', refs)).toEqual({ resource: 'outcome-assumptions', id: 'o-1' });
  });

  it('points nowhere for an assumption it does not know', () => {
    expect(parameterSource('AED/PLACEMENT/rateWith', refs)).toBeNull();
  });
});
