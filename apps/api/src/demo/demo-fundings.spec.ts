import { checkFundingShares } from '../funding/funding-shares';
import { REFERENCE_UNIT_COSTS } from '../methodology/reference-unit-costs';
import { DEMO_FUNDINGS } from './demo-fundings';
import { DEMO_TENANTS } from './demo-tenants';

describe('DEMO_FUNDINGS', () => {
  const valmont = DEMO_TENANTS.find((t) => t.root.code === 'VALMONT')!;

  it('holds only valid plans (known payers, shares summing to 1)', () => {
    for (const plan of DEMO_FUNDINGS)
      expect({ service: plan.service, check: checkFundingShares(plan.shares).ok }).toEqual({ service: plan.service, check: true });
  });

  it('gives every Valmont service exactly one plan for each year 2023–2026', () => {
    const keys = DEMO_FUNDINGS.flatMap((p) => p.years.map((y) => `${p.service} ${y}`)).sort();
    const expected = valmont.services.flatMap((s) => [2023, 2024, 2025, 2026].map((y) => `${s.code} ${y}`)).sort();
    expect(keys).toEqual(expected);
  });

  it('tells « who pays, who saves »: the commune / CCAS funds every service yet is the payer of no unit cost, so its net is a cost', () => {
    // avoided costs reach a payer only through the payer shares of unit costs (and substitution costs): none names COMMUNE_CCAS
    expect(REFERENCE_UNIT_COSTS.filter((u) => 'COMMUNE_CCAS' in u.payers).map((u) => u.code)).toEqual([]);
    const funded = new Set(DEMO_FUNDINGS.filter((p) => /[1-9]/.test(p.shares.COMMUNE_CCAS ?? '')).map((p) => p.service));
    expect([...funded].sort()).toEqual(valmont.services.map((s) => s.code).sort());
  });
});
