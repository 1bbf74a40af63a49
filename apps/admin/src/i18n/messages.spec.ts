import { levierEn } from './en';
import { levierFr } from './fr';

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
});
