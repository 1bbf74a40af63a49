import { compareDecimals, percentToShare, rankedShares, shareToPercent, sharesProblem, sumDecimals } from './funding-shares';

describe(percentToShare.name, () => {
  it.each([
    ['55', '0.55'],
    ['12,5', '0.125'],
    ['100', '1'],
    ['5', '0.05'],
    ['0', '0'],
    ['33.3333', '0.333333'],
  ])('%s %% is the share %s', (percent, share) => expect(percentToShare(percent)).toBe(share));

  it('refuses what is not a plain number', () => {
    expect(percentToShare('6O')).toBeNull();
    expect(percentToShare('-5')).toBeNull();
    expect(percentToShare('')).toBeNull();
  });
});

describe(shareToPercent.name, () => {
  it.each([
    ['0.55', '55'],
    ['0.125', '12.5'],
    ['1', '100'],
    ['0.05', '5'],
  ])('the share %s is %s %%', (share, percent) => expect(shareToPercent(share)).toBe(percent));
});

describe(sumDecimals.name, () => {
  it('adds exactly: 0.1 + 0.2 = 0.3 and three thirds of 100 make 100', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['33.3333', '33.3333', '33.3334'])).toBe('100');
    expect(sumDecimals([])).toBe('0');
  });
});

describe(sharesProblem.name, () => {
  it('accepts shares totalling exactly 1', () =>
    expect(sharesProblem({ DEPARTEMENT: '0.55', USAGER: '0.25', COMMUNE_CCAS: '0.1', CAISSES_RETRAITE: '0.1' })).toBeNull());
  it('refuses a total of 0.95', () => expect(sharesProblem({ DEPARTEMENT: '0.6', USAGER: '0.35' })).toBe('total'));
  it('refuses a share above 1 or not a number', () => {
    expect(sharesProblem({ DEPARTEMENT: '1.2' })).toBe('invalid');
    expect(sharesProblem({ DEPARTEMENT: '6O' })).toBe('invalid');
  });
  it('refuses an empty plan', () => expect(sharesProblem({})).toBe('empty'));
});

describe(rankedShares.name, () => {
  it('lists the payers largest first, ties in the form order, zeros left out', () => {
    expect(rankedShares({ USAGER: '0.25', COMMUNE_CCAS: '0.1', DEPARTEMENT: '0.55', CAISSES_RETRAITE: '0.1', ARS: '0' })).toEqual([
      ['DEPARTEMENT', '0.55'],
      ['USAGER', '0.25'],
      ['COMMUNE_CCAS', '0.1'],
      ['CAISSES_RETRAITE', '0.1'],
    ]);
  });
  it('compares decimals, not text: 0.1 < 0.09 is false', () => expect(compareDecimals('0.1', '0.09')).toBe(1));
});
