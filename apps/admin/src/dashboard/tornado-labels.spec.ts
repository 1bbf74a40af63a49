import { tornadoAxisLabel } from './tornado-labels';

describe(tornadoAxisLabel.name, () => {
  it('keeps a short label as it is', () => {
    expect(tornadoAxisLabel('Coût unitaire « Place de SSIAD, coût annuel » : montant')).toBe('Coût de « Place de SSIAD, coût annuel »');
    expect(tornadoAxisLabel('Taux de recours')).toBe('Taux de recours');
  });

  it('cuts a long label at a word, with an ellipsis, never beyond two short lines', () => {
    const long =
      'Aide à domicile renforcée (SAAD) — Entrée en EHPAD retardée (182,5 journées d’EHPAD remplacées par des journées à domicile) : taux d’événements avec le service';
    const axis = tornadoAxisLabel(long);
    expect(axis).toBe('Aide à domicile renforcée (SAAD) — Entrée en EHPAD…');
    expect(axis.length).toBeLessThanOrEqual(57);
    const unitCost = tornadoAxisLabel('Coût unitaire « Journée d’accueil à l’ASE, dépense moyenne nationale tous modes d’accueil » : montant');
    expect(unitCost).toBe('Coût de « Journée d’accueil à l’ASE, dépense moyenne…');
  });
});
