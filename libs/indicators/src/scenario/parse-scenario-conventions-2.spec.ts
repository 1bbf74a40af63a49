import { parseScenario } from './parse-scenario';
import { ValidationError } from './scenario.types';

type Json = Record<string, unknown>;
type Mutable = Json & { methodology: Json; unitCosts: Json[]; services: (Json & { outcomes: Json[] })[]; figures: Json[] };

/** A small valid conventions-2 scenario (a counterfactual outcome with a substitution cost, an observed one, funding). */
const baseScenario = (): Mutable => ({
  format: 'levier-scenario/1',
  methodology: { conventions: 2, baseYear: 2024, priceIndex: { '2023': '116.9', '2024': '119.2' } },
  unitCosts: [
    { code: 'EHPAD_JOUR', amount: '120', priceYear: 2024, payers: { ASSURANCE_MALADIE: '0.5', USAGER: '0.5' } },
    { code: 'DOMICILE', amount: '48', priceYear: 2024, payers: { DEPARTEMENT: '0.9', USAGER: '0.1' } },
  ],
  services: [
    {
      code: 'SAAD',
      funding: { DEPARTEMENT: '0.55', USAGER: '0.15', COMMUNE_CCAS: '0.30' },
      outcomes: [
        {
          code: 'EHPAD',
          mode: 'counterfactual',
          rateWithout: '0.25',
          rateWith: '0.12',
          quantityPerEvent: '182.5',
          unitCost: 'EHPAD_JOUR',
          substitutionCost: 'DOMICILE',
        },
        { code: 'URG', mode: 'observed', unitCost: 'EHPAD_JOUR', durationYears: 2, dropOff: '0.5' },
      ],
    },
  ],
  figures: [
    { service: 'SAAD', period: '2024', metric: 'person_months', value: '120' },
    { service: 'SAAD', period: '2023', metric: 'spend', value: '1000' },
  ],
});

const errorsAfter = (mutate: (scenario: Mutable) => void): ValidationError[] => {
  const scenario = baseScenario();
  mutate(scenario);
  const sut = parseScenario(scenario);
  return sut.ok ? [] : sut.errors;
};

const asConventions1 = (s: Mutable): void => void delete s.methodology.conventions;

describe(`${parseScenario.name} (conventions 2)`, () => {
  it('accepts the base scenario: substitution cost, funding, an observed outcome lasting two years', () => {
    const sut = parseScenario(baseScenario());
    expect(sut.ok ? [] : sut.errors).toEqual([]);
    if (!sut.ok) return;
    expect(sut.scenario.methodology.conventions).toBe(2);
    expect(sut.scenario.services[0].outcomes[0].substitutionCost).toEqual({ kind: 'single', code: 'DOMICILE' });
    expect(sut.scenario.services[0].funding.DEPARTEMENT?.toFixed()).toBe('0.55');
  });

  it('defaults to conventions 1 and to a service funded by the commune', () => {
    const sut = parseScenario({ ...baseScenario(), methodology: { baseYear: 2024 }, services: [{ code: 'S', outcomes: [] }], figures: [] });
    expect(sut.ok && [sut.scenario.methodology.conventions, sut.scenario.services[0].funding.COMMUNE_CCAS?.toFixed()]).toEqual([1, '1']);
  });

  it.each<[string, (scenario: Mutable) => void, string, RegExp]>([
    [
      'a counterfactual outcome lasting 3 years',
      (s) => (s.services[0].outcomes[0].durationYears = 3),
      'services[0].outcomes[0].durationYears',
      /durationYears 3 interdit.*quantityPerEvent/,
    ],
    [
      'a counterfactual outcome with a drop-off (even in a triple)',
      (s) => (s.services[0].outcomes[0].dropOff = { low: '0', central: '0', high: '0.1' }),
      'services[0].outcomes[0].dropOff',
      /dropOff non nul interdit/,
    ],
    [
      'a duplicate outcome code in one service',
      (s) => (s.services[0].outcomes[1].code = 'EHPAD'),
      'services[0].outcomes[1].code',
      /code « EHPAD » en double \(déjà en services\[0\]\.outcomes\[0\]\)/,
    ],
    [
      'funding shares that do not sum to 1',
      (s) => (s.services[0].funding = { DEPARTEMENT: '0.5', ARS: '0.4' }),
      'services[0].funding',
      /la somme des parts des payeurs doit valoir 1 \(obtenu 0,9\)/,
    ],
    ['an empty funding map', (s) => (s.services[0].funding = {}), 'services[0].funding', /financement vide/],
    ['a funding share above 1', (s) => (s.services[0].funding = { ETAT: '1.5' }), 'services[0].funding.ETAT', /part hors de \[0, 1\]/],
    ['an unknown funder', (s) => (s.services[0].funding = { MUTUELLE: '1' }), 'services[0].funding.MUTUELLE', /payeur inconnu « MUTUELLE »/],
    [
      'an unknown substitution cost',
      (s) => (s.services[0].outcomes[0].substitutionCost = 'NOPE'),
      'services[0].outcomes[0].substitutionCost',
      /coût unitaire inconnu « NOPE »/,
    ],
    [
      'a spend of a year without a price index',
      (s) => s.figures.push({ service: 'SAAD', period: '2022', metric: 'spend', value: '1' }),
      'figures[2].period',
      /indice des prix manquant pour 2022.*dépense/,
    ],
    ['a unit-cost amount triple with a missing key', (s) => (s.unitCosts[0].amount = { low: '1', central: '2' }), 'unitCosts[0].amount', /fourchette attendue/],
  ])('reports %s', (_label, mutate, path, message) => {
    expect(errorsAfter(mutate)).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('reports a conventions value other than 1 or 2, and reads the rest under conventions 1 (the default)', () => {
    const sut = errorsAfter((s) => (s.methodology.conventions = 3));
    expect(sut[0]).toEqual({ path: 'methodology.conventions', message: expect.stringMatching(/conventions attendues 1 ou 2 \(obtenu 3\)/) });
    expect(sut.slice(1).map((error) => error.path)).toEqual(['services[0].funding', 'services[0].outcomes[0].substitutionCost']);
  });

  it('accepts a negative observed count (a harm) under conventions 2 only', () => {
    const negative = (s: Mutable) => s.figures.push({ service: 'SAAD', period: '2024', metric: 'observed.URG', value: '-15' });
    expect(errorsAfter(negative)).toEqual([]);
    expect(
      errorsAfter((s) => {
        negative(s);
        s.methodology.conventions = 1;
        s.services[0].outcomes[0].substitutionCost = undefined;
        s.services[0].funding = undefined;
      }),
    ).toEqual([{ path: 'figures[2].value', message: expect.stringMatching(/valeur négative interdite/) }]);
  });

  it('accepts a unit-cost amount triple and the conventions-2 payers', () => {
    expect(
      errorsAfter((s) => {
        s.unitCosts[1].amount = { low: '60', central: '48', high: '40' };
        s.unitCosts[1].payers = { CAISSES_RETRAITE: '0.5', ARS: '0.3', BAILLEUR_SOCIAL: '0.2' };
      }),
    ).toEqual([]);
  });

  it('rejects under conventions 1 every key only conventions 2 knows, each at its JSON path', () => {
    const sut = errorsAfter((s) => {
      asConventions1(s);
      s.unitCosts[1].amount = { low: '60', central: '48', high: '40' };
      s.unitCosts[0].payers = { ASSURANCE_MALADIE: '0.5', ARS: '0.5' };
    });
    expect(sut.map((error) => error.path)).toEqual([
      'unitCosts[0].payers.ARS',
      'unitCosts[1].amount',
      'services[0].funding',
      'services[0].outcomes[0].substitutionCost',
    ]); // and no price index is needed for the 2023 spend: conventions 1 takes it as constant euros
    expect(sut.slice(0, 4).every((error) => /conventions 2 seulement/.test(error.message))).toBe(true);
  });

  it('keeps the conventions-1 rules on a counterfactual outcome lasting several years', () => {
    expect(
      errorsAfter((s) => {
        asConventions1(s);
        s.services[0].funding = undefined;
        s.services[0].outcomes[0].substitutionCost = undefined;
        s.services[0].outcomes[0].durationYears = 3;
        s.services[0].outcomes[0].dropOff = '0.2';
        s.figures.pop();
      }),
    ).toEqual([]);
  });
});
