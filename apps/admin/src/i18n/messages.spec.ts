import { levierEn } from './en';
import { levierFr } from './fr';
import { PAYER_LABELS_EN } from './screens-en';
import { PAYER_LABELS_FR } from './screens-fr';

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)) : [prefix];

describe('Levier messages', () => {
  it('has every French key in English and nothing more', () => {
    expect(keys(levierEn).sort()).toEqual(keys(levierFr).sort());
  });

  it('has no empty message', () => {
    const blank = (m: unknown): string[] => keys(m).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m) === '');
    expect([...blank(levierFr), ...blank(levierEn)]).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (m: unknown) =>
      Object.fromEntries(
        keys(m).map((k) => {
          const text = String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m));
          return [k, (text.match(/%\{\w+\}/g) ?? []).sort()];
        }),
      );
    expect(vars(levierEn)).toEqual(vars(levierFr));
  });

  it('never names the medico-social indicators with the M57 budget ratios (CAF brute / nette) nor a « taux de compensation »', () => {
    // docs/product-rules.md#words: « épargne brute » and « épargne nette » are the compte administratif's ratios for every finance director.
    const texts = (m: unknown) => keys(m).map((k) => String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m)));
    const forbiddenFr = /[ée]pargne\s+(?:brute|nette)|taux\s+de\s+compensation/i;
    const forbiddenEn = /gross\s+savings|(?<!medico-social\s)net\s+savings|offset\s+ratio/i;
    expect(texts(levierFr).filter((t) => forbiddenFr.test(t))).toEqual([]);
    expect(texts(levierEn).filter((t) => forbiddenEn.test(t) || forbiddenFr.test(t))).toEqual([]);
    expect(levierFr.levier.headline).toMatchObject({
      grossSavings: 'Coûts évités (bruts)',
      cost: 'Coût des services',
      netSavings: 'Épargne médico-sociale nette',
      offsetRatio: 'Coûts évités pour 1 € investi',
    });
    expect(levierEn.levier.headline).toMatchObject({
      grossSavings: 'Avoided costs (gross)',
      cost: 'Cost of services',
      netSavings: 'Net medico-social savings',
      offsetRatio: 'Avoided costs per €1 invested',
    });
  });

  it('names every payer in words, from one map shared by the dashboard and the funding plans', () => {
    expect(levierFr.levier.payers).toMatchObject(PAYER_LABELS_FR);
    expect(levierFr.levier.service_fundings.payers_short).toBe(PAYER_LABELS_FR);
    expect(levierEn.levier.payers).toMatchObject(PAYER_LABELS_EN);
    expect(PAYER_LABELS_FR).toMatchObject({ USAGER: 'Ménages (usagers)', COMMUNE_CCAS: 'Commune / CCAS', BAILLEUR_SOCIAL: 'Bailleurs sociaux' });
    expect(Object.keys(PAYER_LABELS_EN).sort()).toEqual(Object.keys(PAYER_LABELS_FR).sort());
  });
});
