/**
 * Micro-benchmark of the pure engine: (service, outcome, period) evaluations per second, plus a whole-scenario
 * computation at scale S (docs/product-rules.md#targets: one CCAS, 30 services, 60 months). Prints a table; never a timed test.
 * Run after compilation (e.g. `node dist/bench/indicators-micro.bench.js`); the lead wires it into `npm run bench`.
 */
import { computeOutcomePeriod, computeScenario, d, DiscountParameters, mixUnitCost, parseScenario, ResolvedOutcome } from '@levier/indicators';

interface Result {
  readonly name: string;
  readonly operations: number;
  readonly seconds: number;
}

const measure = (name: string, operations: number, work: () => void): Result => {
  work(); // warm-up
  const started = process.hrtime.bigint();
  work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, operations, seconds };
};

const outcomeEvaluations = (count: number): Result => {
  const outcome: ResolvedOutcome = {
    mode: 'counterfactual',
    rateWithout: d('0.30'),
    rateWith: d('0.12'),
    engagement: d('0.9'),
    attribution: d('0.2'),
    displacement: d('0'),
    quantityPerEvent: d('182.5'),
    optimismBias: d('0.10'),
    durationYears: 3,
    dropOff: d('0.2'),
  };
  const unitCost = mixUnitCost([
    { code: 'A', share: d('0.3'), indexedAmount: d('2549.176829'), payers: { ASSURANCE_MALADIE: d('0.9'), USAGER: d('0.1') }, cashableShare: d('0.25') },
    { code: 'B', share: d('0.7'), indexedAmount: d('198.48601'), payers: { ASSURANCE_MALADIE: d('0.8'), USAGER: d('0.2') }, cashableShare: d('0.1') },
  ]);
  const discount: DiscountParameters = { rate: d('0.032'), t0: 0 };
  return measure('outcome × period evaluations', count, () => {
    for (let i = 0; i < count; i += 1) {
      computeOutcomePeriod({
        outcome,
        unitCost,
        discount,
        figures: { personMonths: d(90 + (i % 50)), beneficiaries: null, monthsInPeriod: 1, observed: null },
      });
    }
  });
};

/** Scale S: 30 services × 2 outcomes × 60 months, parsed then computed. */
const scaleS = (): Result => {
  const services = Array.from({ length: 30 }, (_, s) => ({
    code: `S${s}`,
    outcomes: [
      {
        code: 'EHPAD',
        mode: 'counterfactual',
        rateWithout: '0.30',
        rateWith: { low: '0.14', central: '0.12', high: '0.10' },
        attribution: '0.2',
        quantityPerEvent: '182.5',
        unitCost: 'EHPAD_JOUR',
        grade: 3,
        durationYears: 3,
        dropOff: '0.2',
      },
      { code: 'URG', mode: 'observed', deadweight: '0.5', attribution: '0.2', unitCost: 'URG', grade: 2 },
    ],
  }));
  const months = Array.from({ length: 60 }, (_, m) => `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  const figures = services.flatMap((service, s) =>
    months.flatMap((period, m) => [
      { service: service.code, period, metric: 'person_months', value: String(100 + ((s * 7 + m) % 40)) },
      { service: service.code, period, metric: 'spend', value: String(10000 + s * 100 + m) },
      { service: service.code, period, metric: 'observed.URG', value: String((s + m) % 9) },
    ]),
  );
  const json = {
    format: 'levier-scenario/1',
    methodology: { baseYear: 2024, priceIndex: { '2013': '99.2', '2024': '118.6' } },
    unitCosts: [
      { code: 'EHPAD_JOUR', amount: '101', priceYear: 2013, payers: { ASSURANCE_MALADIE: '0.32', DEPARTEMENT: '0.18', USAGER: '0.50' }, cashableShare: '0.5' },
      { code: 'URG', amount: '161.50', priceYear: 2024, payers: { ASSURANCE_MALADIE: '0.8', USAGER: '0.2' } },
    ],
    services,
    figures,
  };
  const cells = services.length * 2 * months.length;
  return measure(`scale S scenario (parse + compute, ${figures.length} figures, ${cells} outcome × period cells, 3 range cases)`, cells * 3, () => {
    const parsed = parseScenario(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    computeScenario(parsed.scenario);
  });
};

export const main = (): void => {
  const results = [outcomeEvaluations(50_000), scaleS()];
  const rows = results.map((result) => [
    result.name,
    result.operations.toLocaleString('fr-FR'),
    result.seconds.toFixed(3),
    Math.round(result.operations / result.seconds).toLocaleString('fr-FR'),
  ]);
  const headers = ['benchmark', 'évaluations', 'secondes', 'évaluations/s'];
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  process.stdout.write(`${[line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')}\n`);
};

if (require.main === module) main();
