/**
 * Assumption and methodology parameters in sentences (issue 14, item 5), the words of the API's parameter-labels.ts:
 * « Taux d’événements sans le service : 0,30 par personne et par an », « Taux d’événements avec le service : 0,12 par
 * personne et par an (fourchette 0,10 – 0,16) », « Attribution : 20 % », never « rateWith.low = 0.16 ». Numbers are
 * written from the API's decimal strings by Intl (no float arithmetic); shares become percentages by moving the point.
 */
import { shiftDecimal } from '../format/decimal-arithmetic';
import { intlLocale, isDecimalString } from '../format/decimal-format';

type Lang = 'fr' | 'en';

const WORDS: Record<Lang, Record<string, string>> = {
  fr: {
    mode: 'Mode de calcul',
    counterfactual: 'contrefactuel (taux d’événements avec et sans le service)',
    observed: 'événements constatés',
    rateWithout: 'Taux d’événements sans le service',
    rateWith: 'Taux d’événements avec le service',
    engagement: 'Part des bénéficiaires réellement engagés',
    deadweight: 'Effet d’aubaine',
    attribution: 'Part due à d’autres acteurs (attribution)',
    displacement: 'Déplacement',
    quantityPerEvent: 'Quantité par événement évité',
    unitCost: 'Coût unitaire',
    unitCosts: 'Coûts unitaires',
    substitutionCost: 'Coût de substitution',
    grade: 'Niveau de preuve',
    duration: 'Durée de l’effet',
    dropOff: 'Érosion annuelle',
    baseYear: 'Année de base des euros constants',
    discountRate: 'Taux d’actualisation',
    discountConvention: 'Convention d’actualisation',
    discount0: 'première année non actualisée (t0 = 0)',
    discount1: 'première année actualisée (t0 = 1)',
    conventions: 'Conventions de calcul',
    conventions1: 'méthode 1 (tous payeurs)',
    conventions2: 'méthode 2 (finances publiques d’abord, ménages à part)',
    optimismBias: 'Biais d’optimisme par niveau de preuve',
    perYear: 'par personne et par an',
    range: 'fourchette',
    years: 'ans',
    year: 'an',
    level: 'niveau',
  },
  en: {
    mode: 'Calculation mode',
    counterfactual: 'counterfactual (event rates with and without the service)',
    observed: 'observed events',
    rateWithout: 'Event rate without the service',
    rateWith: 'Event rate with the service',
    engagement: 'Share of beneficiaries actually engaged',
    deadweight: 'Deadweight',
    attribution: 'Share due to other actors (attribution)',
    displacement: 'Displacement',
    quantityPerEvent: 'Quantity per avoided event',
    unitCost: 'Unit cost',
    unitCosts: 'Unit costs',
    substitutionCost: 'Substitution cost',
    grade: 'Evidence grade',
    duration: 'Duration of the effect',
    dropOff: 'Yearly drop-off',
    baseYear: 'Base year of constant euros',
    discountRate: 'Discount rate',
    discountConvention: 'Discounting convention',
    discount0: 'first year not discounted (t0 = 0)',
    discount1: 'first year discounted (t0 = 1)',
    conventions: 'Calculation conventions',
    conventions1: 'method 1 (all payers)',
    conventions2: 'method 2 (public finances first, households apart)',
    optimismBias: 'Optimism bias by evidence grade',
    perYear: 'per person per year',
    range: 'range',
    years: 'years',
    year: 'year',
    level: 'grade',
  },
};

const SHARES = new Set(['engagement', 'deadweight', 'attribution', 'displacement', 'dropOff', 'discountRate']);
const RATES = new Set(['rateWithout', 'rateWith']);

const lang = (locale: string): Lang => (locale === 'en' ? 'en' : 'fr');

const number = (value: string, locale: string): string =>
  new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 6 }).format(value.trim() as Intl.StringNumericLiteral);

/** "0.2" → « 20 % » (the point moved, no float). */
const percent = (value: string, locale: string): string => `${number(shiftDecimal(value, 2) ?? value, locale)}\u00a0%`;

const scalar = (key: string, value: unknown, locale: string): string => {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : JSON.stringify(value);
  if (!isDecimalString(text) || key === 'baseYear' || key === 'grade') return text;
  if (SHARES.has(key)) return percent(text, locale);
  if (RATES.has(key)) return `${number(text, locale)} ${WORDS[lang(locale)].perYear}`;
  return number(text, locale);
};

/** `{ low, central, high }` → « 0,12 … (fourchette 0,10 – 0,16) », bounds in increasing order. */
const ranged = (key: string, value: { low?: unknown; central?: unknown; high?: unknown }, locale: string): string => {
  const central = scalar(key, value.central, locale);
  const bounds = [value.low, value.high].filter((b): b is string => typeof b === 'string' && isDecimalString(b));
  if (bounds.length < 2) return central;
  const [a, b] = Number(bounds[0]) <= Number(bounds[1]) ? bounds : [bounds[1], bounds[0]];
  return `${central} (${WORDS[lang(locale)].range} ${scalar(key, a, locale).replace(` ${WORDS[lang(locale)].perYear}`, '')} – ${scalar(key, b, locale).replace(` ${WORDS[lang(locale)].perYear}`, '')})`;
};

export interface ParameterLine {
  label: string;
  value: string;
}

/** One line per parameter of an outcome assumption or a methodology version, in words; unknown keys keep their code. */
export const parameterLines = (
  parameters: Record<string, unknown> | null | undefined,
  unitCostLabels: ReadonlyMap<string, string>,
  locale = 'fr',
): ParameterLine[] => {
  if (!parameters) return [];
  const w = WORDS[lang(locale)];
  const costName = (code: string) => unitCostLabels.get(code) ?? code;
  const lines: ParameterLine[] = [];
  for (const [key, value] of Object.entries(parameters)) {
    if (value === null || value === undefined) continue;
    if (key === 'mode') lines.push({ label: w.mode, value: w[String(value)] ?? String(value) });
    else if (key === 'unitCost' || key === 'substitutionCost') {
      if (Array.isArray(value)) {
        const mix = (value as { code: string; share: string }[]).map((c) => `${costName(c.code)} (${percent(String(c.share), locale)})`).join(', ');
        lines.push({ label: key === 'unitCost' ? w.unitCosts : w.substitutionCost, value: mix });
      } else lines.push({ label: w[key], value: costName(String(value)) });
    } else if (key === 'discountConvention') lines.push({ label: w.discountConvention, value: String(value) === '1' ? w.discount1 : w.discount0 });
    else if (key === 'conventions') lines.push({ label: w.conventions, value: String(value) === '2' ? w.conventions2 : w.conventions1 });
    else if (key === 'duration') lines.push({ label: w.duration, value: `${scalar(key, value, locale)} ${Number(value) > 1 ? w.years : w.year}` });
    else if (key === 'optimismBias' && typeof value === 'object' && !Array.isArray(value))
      lines.push({
        label: w.optimismBias,
        value: Object.entries(value as Record<string, unknown>)
          .map(([grade, share]) => `${w.level} ${grade} : ${percent(String(share), locale)}`)
          .join(' ; '),
      });
    else if (typeof value === 'object' && !Array.isArray(value) && 'central' in (value as object))
      lines.push({ label: w[key] ?? key, value: ranged(key, value as { low?: unknown; central?: unknown; high?: unknown }, locale) });
    else lines.push({ label: w[key] ?? key, value: typeof value === 'object' ? JSON.stringify(value) : scalar(key, value, locale) });
  }
  return lines;
};

/** « Taux d’événements avec le service : 0,12 par personne et par an (fourchette 0,10 – 0,16) ». */
export const parameterSentences = (
  parameters: Record<string, unknown> | null | undefined,
  unitCostLabels: ReadonlyMap<string, string>,
  locale = 'fr',
): string[] => parameterLines(parameters, unitCostLabels, locale).map((l) => `${l.label}${lang(locale) === 'fr' ? ' : ' : ': '}${l.value}`);
