import { computeScenario } from '../compute-scenario';
import { d, Decimal } from '../money/decimal';
import { parseScenario } from '../scenario/parse-scenario';
import { Scenario } from '../scenario/scenario.types';
import { applyLevers, applyLeversWithMoves, LeverError } from './apply-levers';
import { Lever, parseLevers } from './levers';
import { Aggregate, simulate, simulationAggregate } from './simulate';

type Json = Record<string, unknown>;

/**
 * A small Méthode 2 scope: SAAD (counterfactual outcome with a triple and a substitution cost, funded by the département,
 * households and the CCAS), meal delivery (observed outcome, quarterly figures over two years), and a service without figures.
 */
const document = (overrides: Json = {}): Json => ({
  format: 'levier-scenario/1',
  methodology: { conventions: 2, baseYear: 2024, discountRate: '0.032', priceIndex: { '2023': '116.9', '2024': '119.2' } },
  unitCosts: [
    { code: 'EHPAD_JOUR', amount: { low: '100', central: '120', high: '140' }, priceYear: 2024, payers: { ASSURANCE_MALADIE: '0.5', USAGER: '0.5' } },
    { code: 'DOMICILE', amount: '48', priceYear: 2024, payers: { DEPARTEMENT: '0.9', USAGER: '0.1' } },
    { code: 'URGENCES', amount: '410', priceYear: 2023, payers: { ASSURANCE_MALADIE: '1' } },
  ],
  services: [
    {
      code: 'SAAD',
      funding: { DEPARTEMENT: '0.55', USAGER: '0.15', COMMUNE_CCAS: '0.30' },
      outcomes: [
        {
          code: 'EHPAD',
          mode: 'counterfactual',
          rateWithout: { low: '0.20', central: '0.25', high: '0.30' },
          rateWith: '0.12',
          quantityPerEvent: '182.5',
          unitCost: 'EHPAD_JOUR',
          substitutionCost: 'DOMICILE',
        },
      ],
    },
    {
      code: 'PORTAGE_REPAS',
      funding: { COMMUNE_CCAS: '0.4', USAGER: '0.6' },
      outcomes: [{ code: 'URG', mode: 'observed', unitCost: 'URGENCES', deadweight: '0.2' }],
    },
    { code: 'AED', outcomes: [] },
  ],
  figures: [
    { service: 'SAAD', period: '2024', metric: 'person_months', value: '1320' },
    { service: 'SAAD', period: '2024', metric: 'spend', value: '420000' },
    ...['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2'].flatMap((period, i) => [
      { service: 'PORTAGE_REPAS', period, metric: 'spend', value: String(30000 + i * 5000) },
      { service: 'PORTAGE_REPAS', period, metric: 'observed.URG', value: String(12 + i) },
      { service: 'PORTAGE_REPAS', period, metric: 'meals', value: '900' },
    ]),
  ],
  ...overrides,
});

const parse = (json: Json = document()): Scenario => {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
};

const levers = (raw: unknown[]): Lever[] => {
  const parsed = parseLevers(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.levers;
};

/** Every decimal string of an aggregate, by path (`ledger.DEPARTEMENT.net`), nulls left out. */
const leaves = (value: unknown, path = ''): [string, string][] => {
  if (typeof value === 'string') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, path === '' ? key : `${path}.${key}`));
};

/** The keys that are sums (linear in the figures): money, events, payers; not the ratios. */
const LINEAR =
  /^(grossSavings|cost|netSavings|cashable|nonCashable|publicSavings|publicCost|publicNetSavings|eventsNet|byPayer|costByPayer|ledger|eventsByOutcome)/;

const errorsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof LeverError) return [...error.problems];
    throw error;
  }
  return [];
};

describe('lever simulator', () => {
  it('gives the totals, services and ranges computeScenario gives for the same scenario', () => {
    const scenario = parse();
    const sut = simulate(scenario, levers([{ kind: 'scale', service: 'SAAD', factor: '1' }]));
    const { totals, services, ranges } = computeScenario(scenario);
    const { services: own, ...ownTotals } = sut.baseline;
    expect(ownTotals).toEqual(totals);
    expect(own).toEqual(services);
    const { services: _low, ...low } = sut.ranges!.baseline.low;
    const { services: _high, ...high } = sut.ranges!.baseline.high;
    expect({ low, high }).toEqual(ranges);
  });

  it('gives a delta of exactly zero for one lever scale × 1', () => {
    const sut = simulate(parse(), levers([{ kind: 'scale', service: 'SAAD', factor: '1' }]));
    expect(sut.simulated).toEqual(sut.baseline);
    for (const [path, value] of leaves(sut.delta)) expect([path, new Decimal(value).isZero()]).toEqual([path, true]);
    expect(sut.delta.netSavings).toBe('0.00');
  });

  it.each(['1.2', '0.5', '3', '0.01'])('gives, for scale × %s, a delta of (f − 1) × the service’s baseline values to the cent', (factor) => {
    const sut = simulate(parse(), levers([{ kind: 'scale', service: 'SAAD', factor }]));
    const baseline = new Map(leaves(sut.baseline.services.SAAD));
    const checked = leaves(sut.delta)
      .filter(([path]) => !path.startsWith('services.') && LINEAR.test(path))
      .map(([path, delta]) => {
        const expected = d(factor)
          .minus(1)
          .times(baseline.get(path) ?? '0');
        return [path, d(delta).minus(expected).abs().lte('0.01')];
      });
    expect(checked.length).toBeGreaterThan(10);
    expect(checked.filter(([, ok]) => !ok)).toEqual([]);
    // the other services do not move at all
    for (const [path, value] of leaves(sut.delta.services.PORTAGE_REPAS)) expect([path, d(value).isZero()]).toEqual([path, true]);
    expect(sut.delta.services.SAAD.netSavings).toBe(sut.delta.netSavings);
  });

  it('moves spend and activity in proportion to each service’s spend, per period in proportion to its spend', () => {
    const scenario = parse();
    const { scenario: sut, moves } = applyLeversWithMoves(
      scenario,
      levers([{ kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '50000' }]),
    );
    const value = (s: Scenario, service: string, period: string, metric: string) =>
      s.figures.find((f) => f.service === service && f.period === period && f.metric === metric)!.value;
    // PORTAGE_REPAS spends 30 000 + 35 000 + 40 000 + 45 000 = 150 000: every period × 100 000 / 150 000
    expect(value(sut, 'PORTAGE_REPAS', '2023-Q3', 'spend').toFixed(2)).toBe('20000.00');
    expect(value(sut, 'PORTAGE_REPAS', '2024-Q2', 'observed.URG').toFixed(6)).toBe('10.000000');
    // the meals count is not read by the engine and is left as it is
    expect(value(sut, 'PORTAGE_REPAS', '2024-Q2', 'meals').toFixed()).toBe('900');
    // SAAD spends 420 000: × 470 000 / 420 000
    expect(value(sut, 'SAAD', '2024', 'spend').toFixed(2)).toBe('470000.00');
    expect(value(sut, 'SAAD', '2024', 'person_months').toFixed(6)).toBe(d(1320).times(470000).dividedBy(420000).toFixed(6));
    // total spend is unchanged; the move falls in 2023 and 2024 as the source spent
    const spend = (s: Scenario) => s.figures.filter((f) => f.metric === 'spend').reduce((sum, f) => sum.plus(f.value), d(0));
    expect(spend(sut).toFixed(2)).toBe(spend(scenario).toFixed(2));
    expect(moves).toHaveLength(1);
    expect(Object.fromEntries(Object.entries(moves[0].byYear).map(([y, v]) => [y, v.toFixed(2)]))).toEqual({ '2023': '21666.67', '2024': '28333.33' });
    // the input scenario is untouched
    expect(value(scenario, 'SAAD', '2024', 'spend').toFixed()).toBe('420000');
  });

  it('values a redeployment at FTE-days × daily cost, as a move of that amount', () => {
    const scenario = parse();
    const redeploy = simulate(scenario, levers([{ kind: 'redeploy', fromService: 'PORTAGE_REPAS', toService: 'SAAD', fteDays: '40', dailyCost: '185' }]));
    const move = simulate(scenario, levers([{ kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '7400' }]));
    expect(redeploy.simulated).toEqual(move.simulated);
    expect(redeploy.moves[0]).toMatchObject({ kind: 'redeploy', amount: d(7400) });
  });

  it('merges a service written once per year (funding plans that differ) under its own code', () => {
    const json = document();
    const services = json.services as Json[];
    const figures = (json.figures as Json[]).map((f) =>
      f.service === 'PORTAGE_REPAS' ? { ...f, service: `PORTAGE_REPAS_${String(f.period).slice(0, 4)}` } : f,
    );
    const split = parse({
      ...json,
      services: [
        services[0],
        { ...services[1], code: 'PORTAGE_REPAS_2023' },
        { ...services[1], code: 'PORTAGE_REPAS_2024', funding: { COMMUNE_CCAS: '1' } },
        services[2],
      ],
      figures,
    });
    const groups = { PORTAGE_REPAS_2023: 'PORTAGE_REPAS', PORTAGE_REPAS_2024: 'PORTAGE_REPAS' };
    const sut = simulate(split, levers([{ kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '50000' }]), { groups });
    expect(Object.keys(sut.baseline.services)).toEqual(['AED', 'PORTAGE_REPAS', 'SAAD']);
    expect(Object.keys(sut.moves[0].byYear).sort()).toEqual(['2023', '2024']);
    const spendOf = (a: Aggregate) => d(a.cost);
    expect(spendOf(sut.simulated.services.PORTAGE_REPAS).lt(spendOf(sut.baseline.services.PORTAGE_REPAS))).toBe(true);
  });

  it('refuses bad levers with a French message naming the lever and the reason, never a partial answer', () => {
    const scenario = parse();
    expect(parseLevers([{ kind: 'scale', service: 'SAAD', factor: '0' }])).toEqual({
      ok: false,
      errors: ['levier 1 (scale SAAD) : factor : le facteur doit être strictement positif (reçu 0).'],
    });
    expect(parseLevers([{ kind: 'move', fromService: 'SAAD', toService: 'SAAD', amount: '10' }])).toEqual({
      ok: false,
      errors: ['levier 1 (move SAAD → SAAD) : un levier ne peut pas déplacer vers le service dont il part (SAAD).'],
    });
    expect(parseLevers([{ kind: 'shift' }]).ok).toBe(false);
    expect(parseLevers([]).ok).toBe(false);
    expect(
      errorsOf(() =>
        applyLevers(
          scenario,
          levers([
            { kind: 'scale', service: 'SAAD', factor: '2' },
            { kind: 'scale', service: 'NOPE', factor: '2' },
            { kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '150000.01' },
            { kind: 'move', fromService: 'SAAD', toService: 'AED', amount: '10' },
          ]),
        ),
      ),
    ).toEqual([
      'levier 2 (scale NOPE) : service à faire varier inconnu « NOPE ».',
      'levier 3 (move PORTAGE_REPAS → SAAD) : le montant déplacé (150000.01 €) dépasse la dépense du service source PORTAGE_REPAS sur le périmètre (150000.00 €).',
      'levier 4 (move SAAD → AED) : le service cible « AED » n’a aucun chiffre sur le périmètre (hors périmètre).',
    ]);
    // the whole spend may go: the source keeps nothing
    expect(errorsOf(() => applyLevers(scenario, levers([{ kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '150000' }])))).toEqual([]);
  });

  it('recomputes only the services a lever touches, to the same figures as a full computation of the changed scenario', () => {
    const scenario = parse();
    const moves = levers([
      { kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '50000' },
      { kind: 'scale', service: 'SAAD', factor: '0.8' },
    ]);
    const sut = simulate(scenario, moves);
    const full = applyLevers(scenario, moves);
    expect(sut.simulated).toEqual(simulationAggregate(full, 'central'));
    expect(sut.ranges!.simulated.low).toEqual(simulationAggregate(full, 'low'));
    expect(sut.baseline).toEqual(simulationAggregate(scenario, 'central'));
  });

  it('applies levers in order, each on what the previous ones left', () => {
    const scenario = parse();
    const twice = levers([
      { kind: 'scale', service: 'PORTAGE_REPAS', factor: '0.5' },
      { kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '75000' },
    ]);
    expect(errorsOf(() => applyLevers(scenario, twice))).toEqual([]);
    const after = simulationAggregate(applyLevers(scenario, twice), 'central');
    expect(after.services.PORTAGE_REPAS.cost).toBe('0.00');
  });
});
