import { maskCustomValue, secrecyScopeOf } from './masked-value';

describe(maskCustomValue.name, () => {
  const value = { numerator: '871', denominator: '162', value: '5.376543', cellsUsed: 2, cellsMissing: 0 };

  it('withholds numerator, denominator and value when masked, keeps the cell counts', () => {
    expect(maskCustomValue(value, true)).toEqual({ numerator: null, denominator: null, value: null, cellsUsed: 2, cellsMissing: 0 });
  });
  it('returns the value as it is when not masked', () => {
    expect(maskCustomValue(value, false)).toBe(value);
  });
});

describe(secrecyScopeOf.name, () => {
  it('takes the unit, its leaves and the calendar bounds', () => {
    const scope = { orgUnit: { id: 'u1', code: 'VALMONT', name: 'CCAS de Valmont' }, leafIds: ['l1', 'l2'], start: '2024-01-01', end: '2024-12-31' };
    expect(secrecyScopeOf('o1', scope)).toEqual({ organisationId: 'o1', orgUnitId: 'u1', leafIds: ['l1', 'l2'], start: '2024-01-01', end: '2024-12-31' });
  });
});
