import { compareWithExpected, toleranceFor } from './compare-expected';

describe(toleranceFor.name, () => {
  it('classifies money, counts and ratios', () => {
    expect(toleranceFor({ key: 'grossSavings', parentKey: null }).kind).toBe('money');
    expect(toleranceFor({ key: 'DEPARTEMENT', parentKey: 'byPayer' }).kind).toBe('money');
    expect(toleranceFor({ key: 'agentsRedeployed', parentKey: null }).kind).toBe('exact');
    expect(toleranceFor({ key: 'offsetRatio', parentKey: null }).kind).toBe('ratio');
  });
});

describe(compareWithExpected.name, () => {
  it('accepts money within a cent and ratios within 0.000001', () => {
    expect(compareWithExpected({ expected: { cost: '10.00', offsetRatio: '1.000000' }, actual: { cost: '10.01', offsetRatio: '1.000001', extra: 1 } })).toEqual(
      [],
    );
  });
  it('reports values out of tolerance, nulls and missing keys with their path', () => {
    const sut = compareWithExpected({
      expected: { totals: { cost: '10.00', offsetRatio: null, byPayer: { ETAT: '1.00' } }, reallocation: { agentsRedeployed: '4' } },
      actual: { totals: { cost: '10.02', offsetRatio: '1.0', byPayer: {} }, reallocation: { agentsRedeployed: '4.5' } },
    });
    expect(sut.map((mismatch) => mismatch.path)).toEqual(['totals.cost', 'totals.offsetRatio', 'totals.byPayer.ETAT', 'reallocation.agentsRedeployed']);
  });
  it('compares lists element by element and booleans exactly', () => {
    expect(
      compareWithExpected({ expected: { flags: [{ transfer: 'v4' }], over: false }, actual: { flags: [{ transfer: 'v5' }], over: false } }).map(
        (mismatch) => mismatch.path,
      ),
    ).toEqual(['flags[0].transfer']);
  });
});
