import { sharesProblem } from './funding-shares';

// the conversions, totals and ranking are the engine's (libs/indicators/src/funding/funding-shares.spec.ts)
describe(sharesProblem.name, () => {
  it('accepts shares totalling exactly 1', () =>
    expect(sharesProblem({ DEPARTEMENT: '0.55', USAGER: '0.25', COMMUNE_CCAS: '0.1', CAISSES_RETRAITE: '0.1' })).toBeNull());
  it('refuses a total of 0.95, saying it in percent', () =>
    expect(sharesProblem({ DEPARTEMENT: '0.6', USAGER: '0.35' })).toEqual({ kind: 'total', percent: '95' }));
  it('refuses a share above 1 or not a number', () => {
    expect(sharesProblem({ DEPARTEMENT: '1.2' })).toEqual({ kind: 'invalid' });
    expect(sharesProblem({ DEPARTEMENT: '6O' })).toEqual({ kind: 'invalid' });
  });
  it('refuses an empty plan', () => {
    expect(sharesProblem({})).toEqual({ kind: 'empty' });
    expect(sharesProblem(undefined)).toEqual({ kind: 'empty' });
  });
});
