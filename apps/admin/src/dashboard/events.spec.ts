import { summaryFactory } from '../test-utils/factories';
import { costPerEvent, humanizeCode, outcomeLabel, toEventLines } from './events';

describe(toEventLines.name, () => {
  it('lists events per kind with their labels, most first, never summed', () => {
    const lines = toEventLines(
      { NUITEE_HOTEL: '732.000000', ENTREE_EHPAD: '12.058275', PLACEMENT_ASE: '-0.500000' },
      { NUITEE_HOTEL: 'Nuitée d’hôtel évitée', ENTREE_EHPAD: 'Entrée en EHPAD retardée', PLACEMENT_ASE: 'Placement ASE évité' },
    );
    expect(lines.map((l) => [l.label, l.count])).toEqual([
      ['Nuitée d’hôtel évitée', '732.000000'],
      ['Entrée en EHPAD retardée', '12.058275'],
      ['Placement ASE évité', '-0.500000'],
    ]);
  });

  it('is empty without events by kind (conventions 1)', () => {
    expect(toEventLines(undefined, undefined)).toEqual([]);
  });
});

describe(outcomeLabel.name, () => {
  it('uses the API label, and words rather than a code when there is none', () => {
    expect(outcomeLabel('ENTREE_EHPAD', { ENTREE_EHPAD: 'Entrée en EHPAD retardée' })).toBe('Entrée en EHPAD retardée');
    expect(outcomeLabel('ENTREE_EHPAD', {})).toBe('Entree ehpad');
    expect(humanizeCode('NUITEE_HOTEL')).toBe('Nuitee hotel');
  });
});

describe(costPerEvent.name, () => {
  it('names the single kind of event the cost is per', () => {
    const sut = costPerEvent(summaryFactory({ eventsByOutcome: { ENTREE_EHPAD: '12' }, outcomeLabels: { ENTREE_EHPAD: 'Entrée en EHPAD retardée' } }));
    expect(sut).toEqual({ kind: 'single', value: '40000', outcome: 'Entrée en EHPAD retardée' });
  });

  it('is not computed when several kinds of events are avoided', () => {
    expect(costPerEvent(summaryFactory({ costPerEventAvoided: null, eventsByOutcome: { A: '1', B: '2' } }))).toEqual({ kind: 'several' });
  });

  it('keeps the conventions-1 value as it is', () => {
    expect(costPerEvent(summaryFactory())).toEqual({ kind: 'plain', value: '40000' });
  });
});
