import { checkFundingShares } from './funding-shares';
import { DEFAULT_FUNDING, FundingPlans, fundingFor } from './funding-plan';

describe(checkFundingShares.name, () => {
  it('accepts shares summing to exactly 1 and normalises them in payer order', () => {
    // 0.55 + 0.10 + 0.25 + 0.10 = 1.00
    const sut = checkFundingShares({ USAGER: '0.25', DEPARTEMENT: '0.55', COMMUNE_CCAS: '0.10', CAISSES_RETRAITE: '0.1' });
    expect(sut).toEqual({ ok: true, shares: { COMMUNE_CCAS: '0.1', DEPARTEMENT: '0.55', CAISSES_RETRAITE: '0.1', USAGER: '0.25' } });
  });

  it('adds thirds as decimals, not floats: 0.1 + 0.2 + 0.7 is exactly 1', () => {
    expect(checkFundingShares({ ETAT: '0.1', CAF: '0.2', AUTRE: '0.7' }).ok).toBe(true);
  });

  it('keeps a share of 0 (the engine lists that payer with 0.00)', () => {
    expect(checkFundingShares({ BAILLEUR_SOCIAL: '0', ARS: '1.000' })).toEqual({ ok: true, shares: { ARS: '1', BAILLEUR_SOCIAL: '0' } });
  });

  it('says the sum in French when it is not 1', () => {
    // 0.6 + 0.35 = 0.95
    expect(checkFundingShares({ DEPARTEMENT: '0.6', USAGER: '0.35' })).toEqual({
      ok: false,
      errors: ['La somme des parts doit être égale à 1 (actuellement 0,95)'],
    });
  });

  it('refuses unknown payers, naming them and the known ones', () => {
    const sut = checkFundingShares({ MUTUELLE: '0.5', USAGER: '0.5' });
    expect(sut.ok).toBe(false);
    expect(!sut.ok && sut.errors[0]).toMatch(/^payeur inconnu « MUTUELLE » : payeurs possibles COMMUNE_CCAS, DEPARTEMENT, CAISSES_RETRAITE/);
  });

  it.each([
    [{ USAGER: 0.5, ETAT: '0.5' }, 'la part de USAGER doit être un nombre décimal écrit comme texte, avec un point (ex. "0.25"), reçu 0.5'],
    [{ USAGER: '0,5', ETAT: '0.5' }, 'la part de USAGER doit être un nombre décimal écrit comme texte, avec un point (ex. "0.25"), reçu « 0,5 »'],
    [{ USAGER: '1.5', ETAT: '-0.5' }, 'la part de USAGER doit être comprise entre 0 et 1 (reçu 1,5)'],
  ])('refuses a share that is not a decimal in [0, 1]: %j', (shares, message) => {
    const sut = checkFundingShares(shares);
    expect(sut.ok).toBe(false);
    expect(!sut.ok && sut.errors[0]).toBe(message);
  });

  it('refuses an empty map and anything but an object', () => {
    expect(checkFundingShares({})).toEqual({ ok: false, errors: ['au moins un payeur attendu : les parts doivent totaliser 1'] });
    expect(checkFundingShares(['USAGER']).ok).toBe(false);
    expect(checkFundingShares(null).ok).toBe(false);
  });
});

describe(fundingFor.name, () => {
  const plans: FundingPlans = new Map([['SAAD', new Map([[2024, { DEPARTEMENT: '0.6', USAGER: '0.4' }]])]]);

  it('returns the plan of the service and year', () => {
    expect(fundingFor(plans, 'SAAD', 2024)).toEqual({ DEPARTEMENT: '0.6', USAGER: '0.4' });
  });

  it('falls back on the engine default (the commune / CCAS pays all) for another year or service', () => {
    expect(fundingFor(plans, 'SAAD', 2023)).toEqual({ COMMUNE_CCAS: '1' });
    expect(fundingFor(plans, 'AED', 2024)).toEqual(DEFAULT_FUNDING);
  });
});
