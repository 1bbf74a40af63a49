import { computeScenario, parseScenario, SCENARIO_FORMAT } from '@levier/indicators';
import { REFERENCE_UNIT_COSTS, ReferenceUnitCost } from '../methodology/reference-unit-costs';
import { M57_FUNCTIONS } from '../catalogue/m57-functions';
import { DEMO_METHOD_1, DEMO_METHOD_2, DEMO_SUBSTITUTION_UNIT_COSTS, DemoMethod, METHOD_2_OUTCOMES } from './demo-methods';
import { DEMO_PRICE_INDEX, DEMO_PRICE_INDEX_SOURCES, DEMO_TENANTS, DemoOutcome } from './demo-tenants';
import { DEMO_FUNDINGS } from './demo-fundings';
import { DEMO_TRANSFERS } from './demo-reallocation';
import { demoFiguresForUnit } from './demo-figures';

const valmont = DEMO_TENANTS.find((t) => t.root.code === 'VALMONT')!;

const unitCost = (u: ReferenceUnitCost, conventions: 1 | 2) => ({
  code: u.code,
  label: u.label,
  unit: u.unit,
  amount: conventions === 2 && u.amountLow !== null ? { low: u.amountLow, central: u.amount, high: u.amountHigh } : u.amount,
  priceYear: u.priceYear,
  payers: u.payers,
  cashableShare: u.cashableShare,
  source: u.sourceTitle,
});

/** The Valmont demo of one year as a `levier-scenario/1` document: its figures summed over the two antennas. */
const scenario = (method: DemoMethod, outcomesOf: (service: string) => readonly DemoOutcome[], year: number) => {
  const sums = new Map<string, number>();
  valmont.leaves.forEach((leaf, i) =>
    demoFiguresForUnit(
      leaf.code,
      valmont.services.map((s) => s.code),
      i === 0 ? 1 : 0.8,
      1000 + i,
    )
      .filter((f) => f.period.startsWith(String(year)))
      .forEach((f) => {
        const key = `${f.service}|${f.period}|${f.metric}`;
        sums.set(key, (sums.get(key) ?? 0) + Number(f.value));
      }),
  );
  const conventions = method.parameters.conventions;
  const library = conventions === 2 ? [...REFERENCE_UNIT_COSTS, ...DEMO_SUBSTITUTION_UNIT_COSTS] : REFERENCE_UNIT_COSTS;
  return {
    format: SCENARIO_FORMAT,
    name: method.label,
    description: '',
    methodology: { ...method.parameters, priceIndex: Object.fromEntries(Object.entries(DEMO_PRICE_INDEX).map(([y, v]) => [String(y), v])) },
    unitCosts: library.map((u) => unitCost(u, conventions)),
    services: valmont.services.map((s) => ({
      code: s.code,
      label: s.label,
      ...(conventions === 2 ? { funding: DEMO_FUNDINGS.find((f) => f.service === s.code && f.years.includes(year))!.shares } : {}),
      outcomes: outcomesOf(s.code).map((o) => ({ code: o.code, label: o.label, ...o.params })),
    })),
    figures: [...sums.entries()].map(([key, value]) => {
      const [service, period, metric] = key.split('|');
      return { service, period, metric, value: value.toFixed(2) };
    }),
  };
};

const compute = (method: DemoMethod, outcomesOf: (service: string) => readonly DemoOutcome[], year: number) => {
  const parsed = parseScenario(scenario(method, outcomesOf, year));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path} : ${e.message}`).join(' ; '));
  return computeScenario(parsed.scenario);
};

const method1 = (code: string) => valmont.services.find((s) => s.code === code)!.outcomes;
const method2 = (code: string) => METHOD_2_OUTCOMES[code] ?? method1(code);

describe('demo methods', () => {
  it('dates method 1 from 2023 (conventions 1) and method 2 from 2024 (conventions 2)', () => {
    expect([DEMO_METHOD_1, DEMO_METHOD_2].map((m) => [m.version, m.effectiveFrom, m.parameters.conventions])).toEqual([
      [1, '2023-01-01', 1],
      [2, '2024-01-01', 2],
    ]);
  });

  it('method 1 (today’s assumptions) parses under conventions 1, method 2 under conventions 2', () => {
    const one = parseScenario(scenario(DEMO_METHOD_1, method1, 2023));
    const two = parseScenario(scenario(DEMO_METHOD_2, method2, 2024));
    expect(one.ok ? [] : one.errors).toEqual([]);
    expect(two.ok ? [] : two.errors).toEqual([]);
  });

  it('method 2 has no persistence on counterfactual outcomes and nets SAAD’s EHPAD days of a day at home', () => {
    const counterfactual = Object.values(METHOD_2_OUTCOMES)
      .flat()
      .filter((o) => o.params.mode === 'counterfactual');
    expect(counterfactual.filter((o) => 'durationYears' in o.params || 'dropOff' in o.params)).toEqual([]);
    expect(METHOD_2_OUTCOMES.SAAD[0].params).toMatchObject({ quantityPerEvent: '182.5', substitutionCost: 'JOURNEE_DOMICILE_APA_SSIAD' });
  });

  it('derives the day at home from the library: APA 15,59 € (2017) + SSIAD 28,77 € (2010) in 2024 euros', () => {
    const index = (y: number) => Number(DEMO_PRICE_INDEX[y]);
    const at2024 = (code: string, field: 'amount' | 'amountLow' | 'amountHigh') => {
      const u = REFERENCE_UNIT_COSTS.find((r) => r.code === code)!;
      return (Number(u[field]) * index(2024)) / index(u.priceYear);
    };
    const [day] = DEMO_SUBSTITUTION_UNIT_COSTS;
    for (const [field, expected] of [
      ['amount', day.amount],
      ['amountLow', day.amountLow],
      ['amountHigh', day.amountHigh],
    ] as const)
      expect((at2024('JOURNEE_APA_DOMICILE', field) + at2024('JOURNEE_SSIAD', field)).toFixed(2)).toBe(expected);
    expect(
      Object.values(day.payers)
        .reduce((a, b) => a + Number(b), 0)
        .toFixed(4),
    ).toBe('1.0000');
  });

  it('has a price index with its source for every year with spend, funding or a unit-cost price year', () => {
    const years = [2023, 2024, 2025, 2026, ...REFERENCE_UNIT_COSTS.map((u) => u.priceYear)];
    expect(years.filter((y) => DEMO_PRICE_INDEX[y] === undefined || !DEMO_PRICE_INDEX_SOURCES[y])).toEqual([]);
  });

  it('uses only function codes of the M57 nomenclature, for services and budget transfers', () => {
    const codes = [
      ...DEMO_TENANTS.flatMap((t) => t.services.map((s) => s.functionCode)),
      ...DEMO_TRANSFERS.flatMap((t) => [t.fromFunction, t.toFunction]).filter((c): c is string => c !== null),
    ];
    expect(codes.filter((c) => M57_FUNCTIONS[c] === undefined)).toEqual([]);
  });

  it('gives every service a note, and 2024 under method 2 a payer whose net is negative', () => {
    expect(valmont.services.filter((s) => s.note.trim() === '').map((s) => s.code)).toEqual([]);
    const out = compute(DEMO_METHOD_2, method2, 2024);
    const ledger = (out.totals as unknown as { ledger: Record<string, { net: string }> }).ledger;
    expect(
      Object.entries(ledger)
        .filter(([, l]) => Number(l.net) < 0)
        .map(([payer]) => payer),
    ).toEqual(expect.arrayContaining(['COMMUNE_CCAS']));
  });
});
