import { reportMessages } from '../reports/report-i18n';
import type { ReportWriting } from '../reports/report-messages';
import type { DocumentLanguage, DocumentStamp } from './document-model';

/**
 * Words shared by every document, per language. Numbers, money, periods and dates are written by the report
 * catalogue's writers (`apps/api/src/reports/report-messages-*.ts`): one way of writing `1 234,56 €` in the product.
 */
export interface DocumentWords {
  lang: DocumentLanguage;
  colon: string;
  write: ReportWriting;
  /** The stamp's labels, and the hash's. */
  stamp: Record<keyof DocumentStamp | 'hash', string>;
  /** « page 2 / 7 ». */
  page(n: number, total: number): string;
  /** Under a table continued on the next page. */
  continued: string;
  yes: string;
  no: string;
  none: string;
  notAvailable: string;
  payers: Record<string, string>;
  conventionsName(conventions: 1 | 2 | null): string;
  methodologyName(m: { version: number | null; label: string; effectiveFrom: string | null } | null): string;
  /** A share `0.25` → « 25 % ». */
  percent(value: string | null | undefined, decimals?: number): string;
  /** A date `2024-03-15` → « 15/03/2024 ». */
  date(value: string): string;
  /** « période du … au … ». */
  range(from: string | null, to: string | null): string;
  noData: string;
}

/** What a stamp says, before it is written in a language. */
export interface StampFacts {
  organisation: string;
  scope: string;
  period: string;
  methodology: Parameters<DocumentWords['methodologyName']>[0];
  conventions: 1 | 2 | null;
  dataAsOf: Date | string | null;
  computedAt: Date | string | null;
}

/** The stamp every document and export carries, written in the document's words (a document's input is its facts, its scope and period named apart). */
export const writeStamp = (w: DocumentWords, facts: StampFacts): DocumentStamp => ({
  organisation: facts.organisation,
  scope: facts.scope,
  period: facts.period,
  methodology: w.methodologyName(facts.methodology),
  conventions: w.conventionsName(facts.conventions),
  dataAsOf: w.write.dateTime(facts.dataAsOf),
  computedAt: w.write.dateTime(facts.computedAt),
});

/** The stamp as label → value lines, in the order every page shows them (HTML and PDF). */
export const stampEntries = (w: DocumentWords, s: DocumentStamp): [label: string, value: string][] =>
  (['organisation', 'scope', 'period', 'methodology', 'conventions', 'dataAsOf', 'computedAt'] as const).map((key) => [w.stamp[key], s[key]]);

const PAYERS_FR: Record<string, string> = {
  ASSURANCE_MALADIE: 'Assurance maladie',
  DEPARTEMENT: 'Département',
  COMMUNE_CCAS: 'Commune / CCAS',
  ETAT: 'État',
  CAF: 'CAF',
  USAGER: 'Usagers (ménages)',
  AUTRE: 'Autre',
  CAISSES_RETRAITE: 'Caisses de retraite',
  ARS: 'ARS',
  BAILLEUR_SOCIAL: 'Bailleurs sociaux',
};
const PAYERS_EN: Record<string, string> = {
  ASSURANCE_MALADIE: 'Health insurance (Assurance maladie)',
  DEPARTEMENT: 'Département',
  COMMUNE_CCAS: 'Municipality / CCAS',
  ETAT: 'State',
  CAF: 'Family allowance fund (CAF)',
  USAGER: 'Users (households)',
  AUTRE: 'Other',
  CAISSES_RETRAITE: 'Pension funds',
  ARS: 'Regional health agency (ARS)',
  BAILLEUR_SOCIAL: 'Social landlords',
};

const isoDate = (value: string, order: 'dmy' | 'ymd'): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  return order === 'dmy' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
};

const FRENCH: DocumentWords = {
  lang: 'fr',
  colon: ' : ',
  write: reportMessages('fr').write,
  stamp: {
    organisation: 'Organisation',
    scope: 'Périmètre',
    period: 'Période',
    methodology: 'Méthode',
    conventions: 'Conventions',
    dataAsOf: 'Données au',
    computedAt: 'Calculé le',
    hash: 'Empreinte SHA-256 du contenu',
  },
  page: (n, total) => `page ${n} / ${total}`,
  continued: '(suite)',
  yes: 'oui',
  no: 'non',
  none: 'aucun',
  notAvailable: 'non disponible',
  payers: PAYERS_FR,
  conventionsName: (c) =>
    c === 2 ? 'conventions 2 (méthode en vigueur depuis 2024)' : c === 1 ? 'conventions 1' : 'conventions mêlées (périodes approuvées sous deux méthodes)',
  methodologyName: (m) =>
    m === null || m.version === null
      ? 'paramètres par défaut (aucune version publiée)'
      : `version ${m.version} — ${m.label}${m.effectiveFrom ? ` (en vigueur depuis le ${isoDate(m.effectiveFrom, 'dmy')})` : ''}`,
  percent: (value, decimals = 1) =>
    value === null || value === undefined ? 'non disponible' : `${reportMessages('fr').write.number(mul100(value), decimals)}\u00a0%`,
  date: (value) => isoDate(value, 'dmy'),
  range: (from, to) =>
    from === null
      ? 'toutes périodes'
      : from === to
        ? reportMessages('fr').write.period(from)
        : `${reportMessages('fr').write.period(from)} – ${reportMessages('fr').write.period(to ?? from)}`,
  noData: 'Aucune donnée pour ce périmètre et cette période.',
};

const ENGLISH: DocumentWords = {
  lang: 'en',
  colon: ': ',
  write: reportMessages('en').write,
  stamp: {
    organisation: 'Organisation',
    scope: 'Scope',
    period: 'Period',
    methodology: 'Method',
    conventions: 'Conventions',
    dataAsOf: 'Data as of',
    computedAt: 'Computed on',
    hash: 'SHA-256 content fingerprint',
  },
  page: (n, total) => `page ${n} / ${total}`,
  continued: '(continued)',
  yes: 'yes',
  no: 'no',
  none: 'none',
  notAvailable: 'not available',
  payers: PAYERS_EN,
  conventionsName: (c) => (c === 2 ? 'conventions 2 (method in force from 2024)' : c === 1 ? 'conventions 1' : 'mixed conventions'),
  methodologyName: (m) =>
    m === null || m.version === null
      ? 'default parameters (no published version)'
      : `version ${m.version} — ${m.label}${m.effectiveFrom ? ` (in force from ${isoDate(m.effectiveFrom, 'ymd')})` : ''}`,
  percent: (value, decimals = 1) =>
    value === null || value === undefined ? 'not available' : `${reportMessages('en').write.number(mul100(value), decimals)}%`,
  date: (value) => isoDate(value, 'ymd'),
  range: (from, to) =>
    from === null
      ? 'all periods'
      : from === to
        ? reportMessages('en').write.period(from)
        : `${reportMessages('en').write.period(from)} – ${reportMessages('en').write.period(to ?? from)}`,
  noData: 'No data for this scope and period.',
};

/** `0.255` → `25.5` as a decimal string (a point shift, no float). */
function mul100(value: string): string {
  const negative = value.startsWith('-');
  const [int, frac = ''] = (negative ? value.slice(1) : value).split('.');
  const padded = frac.padEnd(2, '0');
  const whole = `${int}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2);
  return `${negative ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}

export const documentWords = (language: DocumentLanguage): DocumentWords => (language === 'en' ? ENGLISH : FRENCH);

/**
 * The reader's language from `Accept-Language` (the admin sends its locale): English when English comes before
 * French, French otherwise (the product's default; users have no stored language).
 */
export const languageFromHeader = (header: string | undefined): DocumentLanguage => {
  if (!header) return 'fr';
  const tags = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find((m) => m !== null);
      return { tag, q: q ? Number(q[1]) : 1, index };
    })
    .filter((t) => t.tag.startsWith('en') || t.tag.startsWith('fr'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return tags[0]?.tag.startsWith('en') ? 'en' : 'fr';
};
