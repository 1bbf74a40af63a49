import fs from 'node:fs';
import path from 'node:path';
import { scenarioHasRanges } from '../compute-scenario';
import { computeSavings } from '../compute-savings';
import { d, Decimal, ZERO } from '../money/decimal';
import { sumCells } from '../savings/aggregate';
import { SavingsCell } from '../savings/savings.types';
import { parseScenario } from '../scenario/parse-scenario';
import { Figure, RangeCase, Scenario } from '../scenario/scenario.types';
import { LeverError } from './apply-levers';
import { Lever } from './levers';
import { simulate } from './simulate';
import { scaleCell, SimulationCells, simulateCells } from './simulate-cells';

/** The golden vectors (read-only, beside the repository) and the demo's two scenarios are the scenarios proven on. */
const VECTORS_DIR = path.resolve(__dirname, '../../../../../shared/vectors');
const files = [VECTORS_DIR, path.join(VECTORS_DIR, 'v2')].flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(dir, file)),
);

const scenarios: [string, Scenario][] = files.flatMap((file): [string, Scenario][] => {
  const parsed = parseScenario(JSON.parse(fs.readFileSync(file, 'utf8')));
  return parsed.ok ? [[path.relative(VECTORS_DIR, file), parsed.scenario]] : [];
});

/** What the read model gives the API for a scope: each service's cells summed over its periods, each service-period's spend. */
const cellsOf = (scenario: Scenario): SimulationCells => {
  const casesOf = (rangeCase: RangeCase): Record<string, SavingsCell> => {
    const rows = computeSavings({ scenario, rangeCase });
    return Object.fromEntries(
      [...new Set(rows.map((row) => row.service))].map((code) => [code, sumCells(rows.filter((row) => row.service === code).map((row) => row.cell))]),
    );
  };
  const spend = new Map<string, Figure>();
  for (const f of scenario.figures) {
    const key = `${f.service}|${f.period}`;
    const value = (spend.get(key)?.value ?? ZERO).plus(f.metric === 'spend' ? f.value : ZERO);
    spend.set(key, { service: f.service, period: f.period, metric: 'spend', value });
  }
  return {
    conventions: scenario.methodology.conventions,
    services: scenario.services.map((s) => s.code),
    spend: [...spend.values()],
    cells: { central: casesOf('central'), ...(scenarioHasRanges(scenario) ? { low: casesOf('low'), high: casesOf('high') } : {}) },
  };
};

const spendOf = (scenario: Scenario, code: string): Decimal =>
  scenario.figures.filter((f) => f.service === code && f.metric === 'spend').reduce((sum, f) => sum.plus(f.value), ZERO);

/** Scales of each service with spend, a move of a tenth of one's spend to the next, a redeployment, and the three together. */
const leverSets = (scenario: Scenario): Lever[][] => {
  const spending = scenario.services.map((s) => s.code).filter((code) => spendOf(scenario, code).gt(0));
  const sets: Lever[][] = spending.flatMap((service) => [[{ kind: 'scale', service, factor: d('1.2') }], [{ kind: 'scale', service, factor: d('0.35') }]]);
  if (spending.length >= 2) {
    const [from, to] = spending;
    const move: Lever = { kind: 'move', fromService: from, toService: to, amount: spendOf(scenario, from).dividedBy(10).toDecimalPlaces(2), chapter: null };
    const redeploy: Lever = { kind: 'redeploy', fromService: to, toService: from, fteDays: d('12.5'), dailyCost: d('231.40') };
    sets.push([move], [redeploy], [move, { kind: 'scale', service: to, factor: d('1.15') }, redeploy]);
  }
  return sets;
};

/** Every value of an answer by its path (`simulated.services.SAAD.ledger.USAGER.net`), moves' decimals to the cent. */
const leaves = (value: unknown, at = ''): [string, unknown][] =>
  value !== null && typeof value === 'object' && !Decimal.isDecimal(value)
    ? Object.entries(value).flatMap(([key, v]) => leaves(v, at === '' ? key : `${at}.${key}`))
    : [[at, Decimal.isDecimal(value) ? (value as Decimal).toFixed(2) : value]];

/** The paths where two answers differ, with both values: [] when they are the same answer. */
const differences = (fast: ReturnType<typeof simulate>, full: ReturnType<typeof simulate>): [string, unknown, unknown][] => {
  const [left, right] = [new Map(leaves(fast)), new Map(leaves(full))];
  return [...new Set([...left.keys(), ...right.keys()])].filter((key) => left.get(key) !== right.get(key)).map((key) => [key, left.get(key), right.get(key)]);
};

describe(simulateCells.name, () => {
  it('finds the golden vectors with services and spend to prove on', () => {
    expect(scenarios.filter(([, scenario]) => leverSets(scenario).length >= 4).length).toBeGreaterThanOrEqual(3);
  });

  it.each(scenarios)('gives what simulate gives on the whole scenario, for every lever set: %s', (_file, scenario) => {
    const basis = cellsOf(scenario);
    for (const levers of leverSets(scenario)) expect([levers, differences(simulateCells(basis, levers), simulate(scenario, levers))]).toEqual([levers, []]);
  });

  it('gives a delta of exactly zero and the baseline itself for scale × 1', () => {
    const [, scenario] = scenarios.find(([, s]) => leverSets(s).length > 0)!;
    const service = scenario.figures.find((f) => f.metric === 'spend')!.service;
    const result = simulateCells(cellsOf(scenario), [{ kind: 'scale', service, factor: d('1') }]);
    expect(result.simulated).toBe(result.baseline);
    expect(JSON.stringify(result.delta)).not.toMatch(/[1-9]/);
  });

  it('refuses the levers simulate refuses, with the same French messages', () => {
    const [, scenario] = scenarios.find(([, s]) => leverSets(s).length > 2)!;
    const from = scenario.figures.find((f) => f.metric === 'spend')!.service;
    const levers: Lever[] = [
      { kind: 'scale', service: 'INCONNU', factor: d('2') },
      { kind: 'move', fromService: from, toService: 'INCONNU', amount: d('10'), chapter: null },
      { kind: 'move', fromService: from, toService: scenario.services.find((s) => s.code !== from)!.code, amount: d('1e15'), chapter: null },
    ];
    const problems = (run: () => unknown): readonly string[] => {
      try {
        run();
      } catch (error) {
        if (error instanceof LeverError) return error.problems;
        throw error;
      }
      throw new Error('accepted');
    };
    const expected = problems(() => simulate(scenario, levers));
    expect(expected.length).toBe(3);
    expect(problems(() => simulateCells(cellsOf(scenario), levers))).toEqual(expected);
  });

  it('scales every sum of a cell by a fraction, streams and payer maps included', () => {
    // 100 × 1.5 = 150; stream [10, 4] × 1.5 = [15, 6]
    const cell: SavingsCell = {
      eventsNet: d('2'),
      grossSavings: d('100'),
      cost: d('80'),
      spend: d('90'),
      valueStream: [d('10'), d('4')],
      byPayer: { DEPARTEMENT: d('60'), USAGER: d('40') },
      cashable: d('30'),
      nonCashable: d('70'),
      costByPayer: { DEPARTEMENT: d('80') },
      eventsByOutcome: { EHPAD: d('2') },
    };
    const scaled = scaleCell(cell, { numerator: d('3'), denominator: d('2') });
    expect(JSON.parse(JSON.stringify(scaled))).toEqual({
      eventsNet: '3',
      grossSavings: '150',
      cost: '120',
      spend: '135',
      valueStream: ['15', '6'],
      byPayer: { DEPARTEMENT: '90', USAGER: '60' },
      cashable: '45',
      nonCashable: '105',
      costByPayer: { DEPARTEMENT: '120' },
      eventsByOutcome: { EHPAD: '3' },
    });
  });
});
