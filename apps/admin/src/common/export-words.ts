/**
 * The rows of a list export in words (issue 13, item 6): French column headers; units, services, metrics, statuses and
 * sources by their labels, never their codes; periods as « janv. 2024 » / « 2024-T4 »; money with € (by the metric's
 * unit, or the column's meaning); dates and times in Paris time; no internal ids. The five month-end lists (figures,
 * submissions, periods, initiatives, audit log) have their own columns; every other list goes through the generic
 * rules below, which apply the same conventions to whatever fields its records carry.
 */
import { auditActionLabel, auditStatusLabel, auditSummary } from '../audit-log/audit-words';
import { frenchDecimal, periodLabel } from '../data-entry/period-label';
import { formatDateTime, formatMoney } from '../format/decimal-format';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Row = Record<string, unknown>;

/** What an export needs to turn codes into words: the translations and the tenant's catalogue. */
export interface ExportWords {
  translate: Translate;
  locale: string;
  /** Org unit code → name. */
  units: ReadonlyMap<string, string>;
  /** Service code → label. */
  services: ReadonlyMap<string, string>;
  /** Metric code → label and unit. */
  metrics: ReadonlyMap<string, { label: string; unit: string }>;
}

/**
 * A number of an export: its French text for the CSV (« 6 044,70 € »), its decimal for the spreadsheet, which keeps it
 * a number (summable) shown with the € when it is money.
 */
export interface NumberCell {
  readonly text: string;
  readonly decimal: string;
  readonly money: boolean;
}

export const isNumberCell = (value: unknown): value is NumberCell =>
  typeof value === 'object' && value !== null && typeof (value as NumberCell).text === 'string' && typeof (value as NumberCell).decimal === 'string';

/** An export table: the header row (French) and one row of cells per record. */
export interface ExportTable {
  columns: string[];
  rows: unknown[][];
}

const PERIOD = /^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])$/u;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DECIMAL = /^-?\d+(?:\.\d+)?$/u;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A date or time in words: Paris local time for instants, « 01/03/2024 » for days. */
const when = (v: unknown, locale: string): string => {
  const s = str(v);
  if (s === null) return '';
  if (TIMESTAMP.test(s)) return formatDateTime(s, locale);
  const day = DATE.exec(s);
  return day ? `${day[3]}/${day[2]}/${day[1]}` : s;
};

const money = (v: unknown, locale: string): NumberCell | '' =>
  str(v) === null || !DECIMAL.test(String(v)) ? '' : { text: formatMoney(String(v), locale), decimal: String(v), money: true };
const decimal = (v: unknown): NumberCell | '' => {
  const s = typeof v === 'number' ? String(v) : str(v);
  return s === null || !DECIMAL.test(s) ? '' : { text: frenchDecimal(s), decimal: s, money: false };
};
const enumWord = (words: ExportWords, name: string, v: unknown): string => {
  const s = str(v);
  return s === null ? '' : words.translate(`levier.enums.${name}.${s}`, { _: s });
};

/** A column of a month-end list: its French header and how a record fills it. */
type Column = [header: string, cell: (r: Row, words: ExportWords) => unknown];

const SPECIFIC: Record<string, Column[]> = {
  figures: [
    ['Unité', (r, w) => r.orgUnitLabel ?? w.units.get(String(r.orgUnit)) ?? ''],
    ['Service', (r, w) => r.serviceLabel ?? w.services.get(String(r.service)) ?? ''],
    ['Indicateur', (r, w) => r.metricLabel ?? w.metrics.get(String(r.metric))?.label ?? ''],
    ['Période', (r) => periodLabel(String(r.period ?? ''))],
    ['Valeur', (r, w) => ((r.metricUnit ?? w.metrics.get(String(r.metric))?.unit) === '€' ? money(r.value, w.locale) : decimal(r.value))],
    ['Unité de mesure', (r, w) => r.metricUnit ?? w.metrics.get(String(r.metric))?.unit ?? ''],
    ['Statut', (r, w) => enumWord(w, 'figure_status', r.status)],
    ['Origine', (r, w) => enumWord(w, 'source', r.source)],
    ['Commentaire', (r) => r.comment ?? ''],
    ['Modifié par', (r) => r.updatedByName ?? ''],
    ['Modifié le', (r, w) => when(r.updatedAt, w.locale)],
  ],
  submissions: [
    ['Fichier', (r) => r.fileName ?? (r.source === 'grid' ? 'Saisie dans la grille' : '')],
    ['Origine', (r, w) => enumWord(w, 'source', r.source)],
    ['Statut', (r, w) => enumWord(w, 'submission_status', r.status)],
    ['Aperçu seulement', (r) => (r.dryRun === true ? 'Oui' : 'Non')],
    ['Lignes reçues', (r) => r.rowCount ?? ''],
    ['Lignes appliquées', (r) => r.appliedCount ?? ''],
    ['Erreurs', (r) => (Array.isArray(r.errors) ? r.errors.length : '')],
    ['Signalements', (r) => (Array.isArray(r.flags) ? r.flags.length : '')],
    ['Déposé par', (r) => r.createdByName ?? ''],
    ['Reçu le', (r, w) => when(r.createdAt, w.locale)],
    ['Terminé le', (r, w) => when(r.finishedAt, w.locale)],
  ],
  periods: [
    ['Unité', (r, w) => r.orgUnitName ?? w.units.get(String(r.orgUnit)) ?? ''],
    ['Période', (r) => periodLabel(String(r.period ?? ''))],
    ['Statut', (r, w) => w.translate(`levier.enums.figure_status.${String(r.status)}`, { _: enumWord(w, 'period_status', r.status) })],
    ['Motif', (r) => r.reason ?? ''],
    ['Soumise par', (r) => r.submittedByName ?? ''],
    ['Modifiée par', (r) => r.updatedByName ?? ''],
    ['Modifiée le', (r, w) => when(r.updatedAt, w.locale)],
  ],
  initiatives: [
    ['Titre', (r) => r.title ?? ''],
    ['Unité', (r, w) => r.orgUnitName ?? w.units.get(String(r.orgUnit)) ?? ''],
    ['Équipe', (r) => r.team ?? ''],
    ['Service', (r, w) => r.serviceLabel ?? w.services.get(String(r.service)) ?? ''],
    ['Début', (r, w) => when(r.startDate, w.locale)],
    ['Statut', (r, w) => r.statusLabel ?? w.translate(`levier.initiatives.statuses.${String(r.status)}`, { _: String(r.status ?? '') })],
    ['Heures mobilisées', (r) => decimal(r.hours)],
    ['Euros mobilisés', (r, w) => money(r.euros, w.locale)],
    ['Moyens prêtés', (r) => r.itemsLent ?? ''],
    ['Résultats', (r) => r.results ?? ''],
    ['Indicateur suivi', (r, w) => r.metricLabel ?? (r.metric ? (w.metrics.get(String(r.metric))?.label ?? '') : '')],
    ['Modifiée le', (r, w) => when(r.updatedAt, w.locale)],
  ],
  'audit-log': [
    ['Date', (r, w) => when(r.at, w.locale)],
    ['Auteur', (r) => r.actorName ?? r.actorEmail ?? ''],
    ['Action', (r) => auditActionLabel(String(r.action ?? ''), r.entity == null ? null : String(r.entity))],
    [
      'Détail',
      (r, w) =>
        auditSummary(r.before as Row | null, r.after as Row | null, {
          unitName: (code) => w.units.get(code) ?? code,
          statusLabel: auditStatusLabel(w.translate),
        }),
    ],
    ['Motif', (r) => r.reason ?? ''],
  ],
};

/** Generic rules: fields that name a unit, a service or a metric by code. */
const UNIT_FIELDS = new Set(['orgUnit', 'orgUnitCode', 'unit', 'fromOrgUnit', 'toOrgUnit']);
const SERVICE_FIELDS = new Set(['service', 'serviceCode', 'fromService', 'toService']);
const METRIC_FIELDS = new Set(['metric', 'metricCode']);
/** Money fields of the other lists (amounts in euros, as decimal strings). */
const MONEY_FIELDS = /^(?:amount|euros|spend|budget|cost)$|Amount$|Euros$|Cost$|[a-z]Value$/u;
/** Enum fields whose codes have words in `levier.enums`. */
const ENUM_FIELDS: Record<string, string> = {
  kind: 'kind',
  granularity: 'granularity',
  aggregation: 'aggregation',
  source: 'source',
  nature: 'unit_cost_nature',
  grade: 'grade',
  instrument: 'instrument',
  section: 'section',
  role: 'role',
};
/** The enum of a list's `status` column. */
const STATUS_ENUMS: Record<string, string> = { 'report-deliveries': 'delivery_status' };
/** Internal columns: ids and technical fields a reader has no use for. */
const isInternal = (key: string): boolean =>
  key === 'id' || /Ids?$/u.test(key) || ['requestId', 'progress', 'preview', 'mapping', 'snapshot', 'passwordHash', 'idempotencyKey'].includes(key);

/** The header of a generic column: the resource's field translation, else a common one, else the key split in words. */
const headerOf = (resource: string, key: string, words: ExportWords): string => {
  const common: Record<string, string> = {
    orgUnit: 'Unité',
    service: 'Service',
    metric: 'Indicateur',
    period: 'Période',
    value: 'Valeur',
    status: 'Statut',
    source: 'Origine',
    comment: 'Commentaire',
    reason: 'Motif',
    label: 'Libellé',
    name: 'Nom',
    code: 'Code',
    createdAt: 'Créé le',
    updatedAt: 'Modifié le',
    createdBy: 'Créé par',
    updatedBy: 'Modifié par',
    from: 'Début',
    to: 'Fin',
    year: 'Année',
    amount: 'Montant',
    fromService: 'Service d’origine',
    toService: 'Service d’accueil',
  };
  const fallback = common[key] ?? key.replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase();
  return words.translate(`resources.${resource}.fields.${key}`, { _: fallback });
};

/** The words of a cell: a number's French text, anything else as text. */
export const cellWords = (cell: unknown): string => (isNumberCell(cell) ? cell.text : cell === null || cell === undefined ? '' : String(cell));

/** One generic cell: labels for codes, words for enums, periods and dates in French, money with €. */
const genericCell = (resource: string, record: Row, key: string, words: ExportWords): unknown => {
  const v = record[key];
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  if (Array.isArray(v))
    return v.every((x) => typeof x !== 'object' || x === null) ? v.map((x) => cellWords(genericCell(resource, { x }, 'x', words))).join(', ') : v.length;
  if (typeof v === 'object') {
    return Object.keys(v as Row)
      .filter((k) => !isInternal(k))
      .map((k) => `${headerOf(resource, k, words)} : ${cellWords(genericCell(resource, v as Row, k, words))}`)
      .join(' ; ');
  }
  const text = String(v);
  for (const suffix of ['Label', 'Name']) {
    const companion = str(record[`${key}${suffix}`]);
    if (companion !== null) return companion;
  }
  if (UNIT_FIELDS.has(key)) return words.units.get(text) ?? text;
  if (SERVICE_FIELDS.has(key)) return words.services.get(text) ?? text;
  if (METRIC_FIELDS.has(key)) return words.metrics.get(text)?.label ?? text;
  if (ENUM_FIELDS[key]) return enumWord(words, ENUM_FIELDS[key], text);
  if (key === 'status') return enumWord(words, STATUS_ENUMS[resource] ?? 'figure_status', text);
  if (PERIOD.test(text)) return periodLabel(text);
  if (TIMESTAMP.test(text) || DATE.test(text)) return when(text, words.locale);
  if (DECIMAL.test(text) && MONEY_FIELDS.test(key)) return money(text, words.locale);
  if (typeof v === 'string' && DECIMAL.test(text) && text.includes('.')) return decimal(text);
  return v;
};

/** The generic table: every field but ids and technical ones, a `xLabel`/`xName` companion read under `x`. */
const genericTable = (resource: string, records: readonly Row[], words: ExportWords): ExportTable => {
  const keys: string[] = [];
  for (const r of records) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const companions = new Set(keys.filter((k) => /(Label|Name)$/u.test(k) && keys.includes(k.replace(/(Label|Name)$/u, ''))));
  const columns = keys.filter((k) => !isInternal(k) && !companions.has(k));
  return { columns: columns.map((k) => headerOf(resource, k, words)), rows: records.map((r) => columns.map((k) => genericCell(resource, r, k, words))) };
};

/** A list's records as an export table in words: the month-end lists by their own columns, others by the generic rules. */
export const exportTable = (resource: string, records: readonly Row[], words: ExportWords): ExportTable => {
  const specific = SPECIFIC[resource];
  if (!specific) return genericTable(resource, records, words);
  return { columns: specific.map(([header]) => header), rows: records.map((r) => specific.map(([, cell]) => cell(r, words) ?? '')) };
};

/** The words of an export from the tenant's catalogue lists (org units, services, metrics as the API lists them). */
export const catalogueWords = (
  translate: Translate,
  locale: string,
  catalogue: { units?: readonly Row[]; services?: readonly Row[]; metrics?: readonly Row[] },
): ExportWords => ({
  translate,
  locale,
  units: new Map((catalogue.units ?? []).map((u) => [String(u.code), String(u.name ?? u.code)])),
  services: new Map((catalogue.services ?? []).map((s) => [String(s.code), String(s.label ?? s.code)])),
  metrics: new Map((catalogue.metrics ?? []).map((m) => [String(m.code), { label: String(m.label ?? m.code), unit: String(m.unit ?? '') }])),
});

/** A list's filters for the export's stamp, in words: « Unité = Antenne Valmont Nord », « Période = mars 2024 ». */
export const scopeInWords = (resource: string, filter: Row, words: ExportWords): Row =>
  Object.fromEntries(
    Object.keys(filter)
      .filter((k) => !isInternal(k) && k !== 'q')
      .map((k) => [headerOf(resource, k, words), genericCell(resource, filter, k, words)]),
  );
