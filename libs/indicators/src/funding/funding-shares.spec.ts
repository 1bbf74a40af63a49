import { d } from '../money/decimal';
import { percentToShare, rankedFundingShares, readFundingShares, shareToPercent, totalOfPercents } from './funding-shares';

describe(readFundingShares.name, () => {
  it('accepts shares summing to exactly 1 and normalises them in payer order', () => {
    // 0.55 + 0.10 + 0.25 + 0.10 = 1.00
    expect(readFundingShares({ USAGER: '0.25', DEPARTEMENT: '0.55', COMMUNE_CCAS: '0.10', CAISSES_RETRAITE: '0.1' })).toEqual({
      ok: true,
      shares: { COMMUNE_CCAS: '0.1', DEPARTEMENT: '0.55', CAISSES_RETRAITE: '0.1', USAGER: '0.25' },
    });
  });

  it('adds as decimals, not floats: 0.1 + 0.2 + 0.7 is exactly 1, and a share of 0 is kept', () => {
    expect(readFundingShares({ ETAT: '0.1', CAF: '0.2', AUTRE: '0.7' }).ok).toBe(true);
    expect(readFundingShares({ BAILLEUR_SOCIAL: '0', ARS: '1.000' })).toEqual({ ok: true, shares: { ARS: '1', BAILLEUR_SOCIAL: '0' } });
  });

  it('gives the total when it is not 1: 0.6 + 0.35 = 0.95', () => {
    const sut = readFundingShares({ DEPARTEMENT: '0.6', USAGER: '0.35' });
    expect(sut.ok).toBe(false);
    expect(!sut.ok && sut.problems.map((p) => (p.kind === 'total' ? p.total.toFixed() : p.kind))).toEqual(['0.95']);
  });

  it('names every unreadable payer and share before looking at the total', () => {
    const sut = readFundingShares({ MUTUELLE: '0.5', USAGER: 0.5, ETAT: '1.5', CAF: '-0.5' });
    expect(sut).toEqual({
      ok: false,
      problems: [
        { kind: 'unknown-payers', codes: ['MUTUELLE'] },
        { kind: 'not-decimal', payer: 'USAGER', value: 0.5 },
        { kind: 'out-of-range', payer: 'ETAT', share: d('1.5') },
        { kind: 'out-of-range', payer: 'CAF', share: d('-0.5') },
      ],
    });
  });

  it('refuses what is not a plan, and an empty plan', () => {
    expect(readFundingShares(['0.5'])).toEqual({ ok: false, problems: [{ kind: 'not-object' }] });
    expect(readFundingShares(null)).toEqual({ ok: false, problems: [{ kind: 'not-object' }] });
    expect(readFundingShares({})).toEqual({ ok: false, problems: [{ kind: 'empty' }] });
  });
});

describe(percentToShare.name, () => {
  it.each([
    ['55', '0.55'],
    ['12,5', '0.125'],
    ['100', '1'],
    ['5', '0.05'],
    ['0', '0'],
    ['007', '0.07'],
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
    ['0.333333', '33.3333'],
  ])('the share %s is %s %%', (share, percent) => expect(shareToPercent(share)).toBe(percent));

  it('refuses a signed or unreadable share', () => {
    expect(shareToPercent('-0.5')).toBeNull();
    expect(shareToPercent('abc')).toBeNull();
  });
});

describe(totalOfPercents.name, () => {
  it('adds exactly: three thirds of 100 make 100, commas read, unreadable texts left out', () => {
    expect(totalOfPercents(['33,3333', '33.3333', '33.3334'])).toBe('100');
    expect(totalOfPercents(['0.1', '0.2', '', 'abc'])).toBe('0.3');
    expect(totalOfPercents([])).toBe('0');
  });
});

describe(rankedFundingShares.name, () => {
  it('lists the payers largest first, ties in the form order, zeros left out', () => {
    expect(rankedFundingShares({ USAGER: '0.25', COMMUNE_CCAS: '0.1', DEPARTEMENT: '0.55', CAISSES_RETRAITE: '0.1', ARS: '0' })).toEqual([
      ['DEPARTEMENT', '0.55'],
      ['USAGER', '0.25'],
      ['COMMUNE_CCAS', '0.1'],
      ['CAISSES_RETRAITE', '0.1'],
    ]);
  });

  it('compares decimals, not text: 0.1 comes before 0.09', () =>
    expect(rankedFundingShares({ ARS: '0.09', CAF: '0.1' })).toEqual([
      ['CAF', '0.1'],
      ['ARS', '0.09'],
    ]));
});
