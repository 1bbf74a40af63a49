import { parameterLabel } from './parameter-labels';

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
