import Decimal from 'decimal.js';
import { REFERENCE_UNIT_COSTS, UN_CHEZ_SOI_DABORD_HOSPITAL_DAYS } from './reference-unit-costs';

/** The payer codes the engine accepts today (libs/indicators `PAYERS`, conventions 1). */
const ENGINE_PAYERS = ['ASSURANCE_MALADIE', 'DEPARTEMENT', 'COMMUNE_CCAS', 'ETAT', 'CAF', 'USAGER', 'AUTRE'];
const NOT_FOUND = /source non retrouvée/i;

describe('REFERENCE_UNIT_COSTS', () => {
  const entries = REFERENCE_UNIT_COSTS.map((u) => [u.code, u] as const);

  it('has unique codes', () => {
    expect(new Set(REFERENCE_UNIT_COSTS.map((u) => u.code)).size).toBe(REFERENCE_UNIT_COSTS.length);
  });

  it.each(entries)('%s names its source: title, publisher and a URL, or says « source non retrouvée »', (_code, u) => {
    expect(u.sourceTitle.trim()).not.toBe('');
    expect(u.sourcePublisher.trim()).not.toBe('');
    if (u.sourceUrl === null) expect(u.note).toMatch(NOT_FOUND);
    else expect(u.sourceUrl).toMatch(/^https?:\/\/[^\s]+$/);
  });

  it.each(entries)('%s has a price year of 2019 or later, or a note explaining why not', (_code, u) => {
    if (u.priceYear < 2019) expect(u.note ?? '').toMatch(/année de prix \d{4}|plus récent/i);
    expect(u.priceYear).toBeGreaterThanOrEqual(2010);
  });

  it.each(entries)('%s splits its cost between payers whose shares sum to 1', (_code, u) => {
    const sum = Object.values(u.payers).reduce((acc, share) => acc.plus(share), new Decimal(0));
    expect(sum.toFixed()).toBe('1');
    for (const payer of Object.keys(u.payers)) expect(ENGINE_PAYERS).toContain(payer);
  });

  it.each(entries)('%s has a low/high range only as a pair around the amount', (_code, u) => {
    expect(u.amountLow === null).toBe(u.amountHigh === null);
    if (u.amountLow !== null && u.amountHigh !== null) {
      expect(new Decimal(u.amountLow).lte(u.amount)).toBe(true);
      expect(new Decimal(u.amount).lte(u.amountHigh)).toBe(true);
      expect(new Decimal(u.amountLow).lt(u.amountHigh)).toBe(true);
    }
  });

  it('carries no placeholder value (the old 20 € hotel night had no source)', () => {
    for (const u of REFERENCE_UNIT_COSTS) expect(`${u.label} ${u.sourceTitle} ${u.sourcePublisher}`).not.toMatch(/démonstration|placeholder/i);
    expect(REFERENCE_UNIT_COSTS.find((u) => u.code === 'NUITEE_HOTEL_URGENCE')).toMatchObject({ amount: '19.09', priceYear: 2024, payers: { ETAT: '1' } });
  });

  it('ships the 2024 national minimum home-help rate of 23,50 € from the Journal officiel', () => {
    expect(REFERENCE_UNIT_COSTS.find((u) => u.code === 'HEURE_AIDE_DOMICILE_2024')).toMatchObject({
      amount: '23.50',
      priceYear: 2024,
      sourceUrl: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048798043',
    });
  });

  it('ships the substitution costs of care at home: APA plan (département and household) and SSIAD (health insurance)', () => {
    const apa = REFERENCE_UNIT_COSTS.find((u) => u.code === 'JOURNEE_APA_DOMICILE')!;
    const ssiad = REFERENCE_UNIT_COSTS.find((u) => u.code === 'JOURNEE_SSIAD')!;
    expect(apa.payers).toEqual({ DEPARTEMENT: '0.8', USAGER: '0.2' });
    expect(ssiad.payers).toEqual({ ASSURANCE_MALADIE: '1' });
    // 10 500 € a place-year / 365 = 28,767… € a day
    expect(new Decimal('10500').div(365).toDecimalPlaces(2).toFixed(2)).toBe(ssiad.amount);
  });

  it('derives the ASE day from the DREES totals: 9,9 Md€ × 79,8 % / 208 000 / 365 = 104,06 €', () => {
    const day = new Decimal('9.9e9').times('0.798').div(208000).div(365).toDecimalPlaces(2);
    expect(day.toFixed(2)).toBe(REFERENCE_UNIT_COSTS.find((u) => u.code === 'JOURNEE_ASE_ACCUEIL_MOYEN')!.amount);
  });
});

describe('UN_CHEZ_SOI_DABORD_HOSPITAL_DAYS', () => {
  it('gives (80 − 46,6) / 24 = 1,39 hospital days avoided per person and month', () => {
    const d = UN_CHEZ_SOI_DABORD_HOSPITAL_DAYS;
    const perMonth = new Decimal(d.hospitalDaysUsualCare).minus(d.hospitalDaysHousingFirst).div(d.followUpMonths);
    expect(perMonth.toFixed(2)).toBe('1.39');
    expect(d.url).toMatch(/^https:\/\//);
  });
});
