import { parseScenario } from './parse-scenario';
import { ValidationError } from './scenario.types';

type Json = Record<string, unknown>;

/** A small valid scenario (one counterfactual and one observed outcome) to break one rule at a time. */
const baseScenario = (): Json => ({
  format: 'levier-scenario/1',
  name: 'base',
  methodology: { baseYear: 2024, priceIndex: { '2013': '100', '2024': '118' } },
  unitCosts: [
    { code: 'EHPAD_JOUR', amount: '101', priceYear: 2013, payers: { ASSURANCE_MALADIE: '0.32', DEPARTEMENT: '0.18', USAGER: '0.50' }, cashableShare: '0.5' },
    { code: 'URG', amount: '161.50', priceYear: 2024, payers: { ASSURANCE_MALADIE: '1' } },
  ],
  services: [
    {
      code: 'MAD',
      outcomes: [
        { code: 'EHPAD', mode: 'counterfactual', rateWithout: '0.20', rateWith: '0.12', unitCost: 'EHPAD_JOUR', grade: 3, durationYears: 3, dropOff: '0.2' },
        {
          code: 'URG',
          mode: 'observed',
          deadweight: '0.5',
          unitCost: [
            { code: 'URG', share: '0.5' },
            { code: 'EHPAD_JOUR', share: '0.5' },
          ],
        },
      ],
    },
  ],
  figures: [
    { service: 'MAD', period: '2024-01', metric: 'person_months', value: '100' },
    { service: 'MAD', period: '2024-01', metric: 'spend', value: '5000' },
  ],
  reallocation: {
    budget: { realExpenditure: '1000000', fongibiliteLimit: '0.05' },
    transfers: [{ code: 'v1', instrument: 'FONGIBILITE', from: { chapter: '011', function: '423' }, to: { chapter: '65', function: '424' }, amount: '1000' }],
  },
});

type Mutable = Record<string, unknown> & {
  services: { outcomes: Json[] }[];
  unitCosts: Json[];
  figures: Json[];
  methodology: Json;
  reallocation: Json & { transfers: (Json & { from: Json })[]; budget: Json };
};

/** The errors of the base scenario after `mutate`. */
const errorsAfter = (mutate: (scenario: Mutable) => void): ValidationError[] => {
  const scenario = baseScenario() as Mutable;
  mutate(scenario);
  const sut = parseScenario(scenario);
  return sut.ok ? [] : sut.errors;
};

describe(parseScenario.name, () => {
  it('accepts the base scenario and applies the defaults', () => {
    const sut = parseScenario(baseScenario());
    expect(sut.ok).toBe(true);
    if (!sut.ok) return;
    const outcome = sut.scenario.services[0].outcomes[0];
    expect(sut.scenario.methodology.discountRate.toFixed()).toBe('0.032');
    expect(sut.scenario.methodology.discountConvention).toBe(0);
    expect(outcome.mode === 'counterfactual' && outcome.engagement).toEqual({ kind: 'plain', value: expect.anything() });
    expect(sut.scenario.unitCosts[1].cashableShare.toFixed()).toBe('1');
    expect(sut.scenario.reallocation?.workingDaysPerFte.toFixed()).toBe('228');
  });

  it('rejects what is not an object', () => {
    expect(parseScenario([])).toEqual({ ok: false, errors: [{ path: '$', message: expect.stringMatching(/objet attendu/) }] });
  });

  it.each<[string, (scenario: Mutable) => void, string, RegExp]>([
    [
      'a share outside [0, 1]',
      (s) => (s.services[0].outcomes[0].attribution = '1.2'),
      'services[0].outcomes[0].attribution',
      /part hors de \[0, 1\] \(obtenu 1,2\)/,
    ],
    ['a negative rate', (s) => (s.services[0].outcomes[0].rateWith = '-0.1'), 'services[0].outcomes[0].rateWith', /négative/],
    ['a negative discount rate', (s) => (s.methodology.discountRate = '-0.01'), 'methodology.discountRate', /négative/],
    [
      'deadweight in counterfactual mode',
      (s) => (s.services[0].outcomes[0].deadweight = '0.1'),
      'services[0].outcomes[0].deadweight',
      /interdit en mode contrefactuel/,
    ],
    ['rateWithout in observed mode', (s) => (s.services[0].outcomes[1].rateWithout = '0.1'), 'services[0].outcomes[1].rateWithout', /interdit en mode observé/],
    ['engagement in observed mode', (s) => (s.services[0].outcomes[1].engagement = '0.9'), 'services[0].outcomes[1].engagement', /interdit en mode observé/],
    [
      'payer shares not summing to 1',
      (s) => (s.unitCosts[0].payers = { ASSURANCE_MALADIE: '0.4', USAGER: '0.5' }),
      'unitCosts[0].payers',
      /^la somme des parts des payeurs doit valoir 1 \(obtenu 0,9\)$/,
    ],
    ['an unknown payer', (s) => (s.unitCosts[1].payers = { MUTUELLE: '1' }), 'unitCosts[1].payers.MUTUELLE', /payeur inconnu/],
    [
      'mix shares not summing to 1',
      (s) =>
        (s.services[0].outcomes[1].unitCost = [
          { code: 'URG', share: '0.5' },
          { code: 'EHPAD_JOUR', share: '0.6' },
        ]),
      'services[0].outcomes[1].unitCost',
      /mélange doit valoir 1 \(obtenu 1,1\)/,
    ],
    ['a missing price index year', (s) => (s.methodology.priceIndex = { '2024': '118' }), 'unitCosts[0].priceYear', /indice des prix manquant pour 2013/],
    ['an unknown unit cost', (s) => (s.services[0].outcomes[0].unitCost = 'NOPE'), 'services[0].outcomes[0].unitCost', /coût unitaire inconnu « NOPE »/],
    [
      'an unknown unit cost in a mix',
      (s) =>
        (s.services[0].outcomes[1].unitCost = [
          { code: 'URG', share: '0.5' },
          { code: 'NOPE', share: '0.5' },
        ]),
      'services[0].outcomes[1].unitCost[1].code',
      /inconnu/,
    ],
    [
      'an unknown service in figures',
      (s) => s.figures.push({ service: 'GHOST', period: '2024-01', metric: 'spend', value: '1' }),
      'figures[2].service',
      /service inconnu « GHOST »/,
    ],
    ['a bad period code', (s) => (s.figures[1].period = '2024-13'), 'figures[1].period', /période invalide « 2024-13 »/],
    ['mixed granularity in one service', (s) => (s.figures[1].period = '2024-Q1'), 'figures[1].period', /granularité mélangée/],
    [
      'a duplicate (service, period, metric)',
      (s) => s.figures.push({ service: 'MAD', period: '2024-01', metric: 'spend', value: '2' }),
      'figures[2]',
      /en double .*figures\[1\]/,
    ],
    [
      'a grade outside the replaced optimism-bias table',
      (s) => (s.methodology.optimismBias = { '1': '0', '2': '0.1' }),
      'services[0].outcomes[0].grade',
      /grade 3 absent de la table/,
    ],
    [
      'a triple on durationYears',
      (s) => (s.services[0].outcomes[0].durationYears = { low: 1, central: 2, high: 3 }),
      'services[0].outcomes[0].durationYears',
      /fourchette non admise/,
    ],
    ['a triple on grade', (s) => (s.services[0].outcomes[0].grade = { low: 4, central: 3, high: 2 }), 'services[0].outcomes[0].grade', /fourchette non admise/],
    [
      'a triple on a mix share',
      (s) =>
        (s.services[0].outcomes[1].unitCost = [
          { code: 'URG', share: { low: '0.4', central: '0.5', high: '0.6' } },
          { code: 'EHPAD_JOUR', share: '0.5' },
        ]),
      'services[0].outcomes[1].unitCost[0].share',
      /fourchette non admise/,
    ],
    [
      'an incomplete triple',
      (s) => (s.services[0].outcomes[0].rateWith = { low: '0.1', high: '0.2' }),
      'services[0].outcomes[0].rateWith',
      /exactement les clés low, central, high/,
    ],
    [
      'a share outside [0, 1] inside a triple',
      (s) => (s.services[0].outcomes[0].attribution = { low: '0.1', central: '0.2', high: '2' }),
      'services[0].outcomes[0].attribution.high',
      /part hors de/,
    ],
    [
      'a fongibilité limit above 0.075',
      (s) => (s.reallocation.budget.fongibiliteLimit = '0.08'),
      'reallocation.budget.fongibiliteLimit',
      /entre 0 et 0,075.*obtenu 0,08/,
    ],
    ['a negative fongibilité limit', (s) => (s.reallocation.budget.fongibiliteLimit = '-0.01'), 'reallocation.budget.fongibiliteLimit', /entre 0 et 0,075/],
    [
      'a transfer with a function on one side only',
      (s) => (s.reallocation.transfers[0].from = { chapter: '011' }),
      'reallocation.transfers[0].from.function',
      /un seul côté/,
    ],
    [
      'a binary float instead of a decimal string',
      (s) => (s.services[0].outcomes[0].rateWith = 0.12),
      'services[0].outcomes[0].rateWith',
      /écrire les décimaux en chaîne/,
    ],
    ['a mistyped key', (s) => (s.services[0].outcomes[0].atribution = '0.2'), 'services[0].outcomes[0].atribution', /clé inconnue/],
    ['a wrong format', (s) => (s.format = 'levier-scenario/2'), 'format', /levier-scenario\/1/],
    ['an unknown mode', (s) => (s.services[0].outcomes[0].mode = 'guess'), 'services[0].outcomes[0].mode', /counterfactual/],
    ['a negative spend', (s) => (s.figures[1].value = '-5'), 'figures[1].value', /négative/],
    ['a duplicate outcome code', (s) => (s.services[0].outcomes[1].code = 'EHPAD'), 'services[0].outcomes[1].code', /en double/],
  ])('reports %s', (_name, mutate, path, message) => {
    expect(errorsAfter(mutate)).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('collects every problem instead of stopping at the first', () => {
    const sut = errorsAfter((s) => {
      s.services[0].outcomes[0].deadweight = '0.1';
      s.unitCosts[0].payers = { ASSURANCE_MALADIE: '0.5' };
      s.figures[0].period = 'janvier';
      s.reallocation.budget.fongibiliteLimit = '0.1';
    });
    expect(sut.map((error) => error.path).sort()).toEqual([
      'figures[0].period',
      'reallocation.budget.fongibiliteLimit',
      'services[0].outcomes[0].deadweight',
      'unitCosts[0].payers',
    ]);
  });

  it('quotes non-identifier keys in paths', () => {
    expect(errorsAfter((s) => (s.methodology.priceIndex = { '2013': '0', '2024': '118' }))).toEqual([
      { path: 'methodology.priceIndex["2013"]', message: expect.stringMatching(/strictement positive/) },
    ]);
  });
});

describe('parseScenario paths after an invalid sibling', () => {
  it('points at the right outcome when an earlier one is invalid', () => {
    const sut = errorsAfter((s) => {
      s.services[0].outcomes[0].mode = 'guess';
      s.services[0].outcomes[1].unitCost = 'NOPE';
    });
    expect(sut.map((error) => error.path)).toEqual(['services[0].outcomes[0].mode', 'services[0].outcomes[1].unitCost']);
  });
  it('does not cascade an invalid unit cost into unknown-code errors', () => {
    expect(errorsAfter((s) => (s.unitCosts[1].amount = '-1')).map((error) => error.path)).toEqual(['unitCosts[1].amount']);
  });
});
