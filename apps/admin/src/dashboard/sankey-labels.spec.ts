import { flowNodeName, wrapLabel } from './sankey-labels';

const words = { label: (label: string, code: string) => `${label} (fonction ${code})`, code: (code: string) => `Fonction ${code}` };

describe(flowNodeName.name, () => {
  it('names an M57 function by its label, with its code', () => {
    expect(flowNodeName('Fonction 423', { '423': 'Personnes âgées' }, words)).toBe('Personnes âgées (fonction 423)');
    expect(flowNodeName('423', { '423': 'Personnes âgées' }, words)).toBe('Personnes âgées (fonction 423)');
  });

  it('falls back on « Fonction 423 », never a bare code, and leaves other nodes alone', () => {
    expect(flowNodeName('423', null, words)).toBe('Fonction 423');
    expect(flowNodeName('Fonction 4213', {}, words)).toBe('Fonction 4213');
    expect(flowNodeName('Chapitre 65', { '65': 'x' }, words)).toBe('Chapitre 65');
    expect(flowNodeName('Partenaire : Centre communal d’action sociale de Bellerive', null, words)).toBe(
      'Partenaire : Centre communal d’action sociale de Bellerive',
    );
  });
});

describe(wrapLabel.name, () => {
  it('keeps a short name on one line', () => {
    expect(wrapLabel('SAAD', 24)).toEqual(['SAAD']);
  });

  it('wraps a long name between words on two lines, then abbreviates', () => {
    expect(wrapLabel('Partenaire : Centre communal d’action sociale de Bellerive', 24)).toEqual(['Partenaire : Centre', 'communal d’action…']);
    expect(wrapLabel('Partenaire : Centre communal', 24)).toEqual(['Partenaire : Centre', 'communal']);
  });

  it('cuts a single word longer than a line', () => {
    expect(wrapLabel('Anticonstitutionnellement-placé', 10)).toEqual(['Anticonst…']);
  });
});
