import { closestCode } from './closest-code';
import { formatFrenchDecimal } from './format-french-decimal';
import { parseFrenchNumber } from './french-number';
import { MAX_YEAR, MIN_YEAR, parseFrenchPeriod, type PeriodError } from './french-period';
import { numberCellToDecimal } from './number-cell';
import { compareDecimals, isWholeDecimal } from './plain-decimal';
import type { CatalogueService, FigureCatalogue } from './figure-catalogue.types';
import type { CellValue, FigureField, Granularity, RawRow } from './figure-file.types';
import type { NormalisedRow, RowError, RowErrorCode } from './row-validation.types';

/** Lower case, accents and apostrophes' variants folded, `_ - . ’ '` as spaces: how codes and labels are compared. */
export const foldName = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_\-.’'()«»,;:/]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

const tokens = (folded: string): string[] => folded.split(' ').filter((t) => t !== '');

/**
 * Catalogue codes, matched exactly, else case-insensitively (`valmont-nord` → `VALMONT-NORD`) when unambiguous, else
 * by code or French label accent- and case-insensitively (« portage de repas a domicile », « Antenne Valmont Nord »),
 * else by a label that holds every word written, when only one does (« Portage de repas », « Antenne Nord »).
 */
export class CodeIndex {
  private readonly exact: ReadonlySet<string>;
  private readonly byLowerCase = new Map<string, string | null>();
  private readonly byFolded = new Map<string, string | null>();
  private readonly labelWords: { code: string; words: ReadonlySet<string> }[] = [];

  constructor(
    readonly codes: readonly string[],
    private readonly labels: ReadonlyMap<string, string> = new Map(),
  ) {
    this.exact = new Set(codes);
    const add = (map: Map<string, string | null>, key: string, code: string): void => {
      map.set(key, map.has(key) && map.get(key) !== code ? null : code);
    };
    for (const code of codes) add(this.byLowerCase, code.toLowerCase(), code);
    for (const code of codes) add(this.byFolded, foldName(code), code);
    for (const [code, label] of labels) {
      add(this.byFolded, foldName(label), code);
      this.labelWords.push({ code, words: new Set(tokens(foldName(label))) });
    }
  }

  resolve(text: string): string | null {
    if (this.exact.has(text)) return text;
    const lower = this.byLowerCase.get(text.toLowerCase());
    if (lower !== undefined) return lower;
    const folded = foldName(text);
    if (folded === '') return null;
    const byName = this.byFolded.get(folded);
    if (byName !== undefined) return byName;
    const words = tokens(folded);
    const matches = this.labelWords.filter((l) => words.every((w) => l.words.has(w)));
    return matches.length === 1 ? matches[0].code : null;
  }

  label(code: string): string | undefined {
    return this.labels.get(code);
  }

  /** « Label » (CODE), or the code alone when it has no label. */
  named(code: string): string {
    const label = this.labels.get(code);
    return label === undefined ? code : `« ${label} » (${code})`;
  }

  /** The nearest code or label to a mistyped name (a single best), as « label » (CODE). */
  suggest(typed: string, among: readonly string[] = this.codes): string | null {
    const byCode = closestCode(typed, among);
    if (byCode !== null) return this.named(byCode);
    const folded = foldName(typed);
    const candidates = new Map(among.flatMap((code) => (this.labels.has(code) ? [[foldName(this.labels.get(code)!), code] as const] : [])));
    const nearest = closestCode(folded, candidates.keys());
    return nearest === null ? null : this.named(candidates.get(nearest)!);
  }
}

export interface RowContext {
  catalogue: FigureCatalogue;
  /** The header of the column holding `field`, as written in the file. */
  column: (field: FigureField) => string;
  orgUnits: CodeIndex;
  leafUnits: readonly string[];
  /** Leaf units within the submitter's write scope. */
  writableLeaves: readonly string[];
  services: CodeIndex;
  metrics: CodeIndex;
}

export const rowContext = (catalogue: FigureCatalogue, headers: Partial<Record<FigureField, string>>): RowContext => ({
  catalogue,
  column: (field) => headers[field] ?? field,
  orgUnits: new CodeIndex([...catalogue.orgUnits.keys()], labelsOf(catalogue.orgUnits)),
  leafUnits: [...catalogue.orgUnits].filter(([, unit]) => unit.leaf).map(([code]) => code),
  writableLeaves: [...catalogue.orgUnits].filter(([, unit]) => unit.leaf && unit.writable !== false).map(([code]) => code),
  services: new CodeIndex([...catalogue.services.keys()], labelsOf(catalogue.services)),
  metrics: new CodeIndex([...catalogue.metrics.keys()], labelsOf(catalogue.metrics)),
});

const labelsOf = (entries: ReadonlyMap<string, { label?: string }>): Map<string, string> =>
  new Map([...entries].flatMap(([code, entry]) => (entry.label === undefined ? [] : [[code, entry.label] as const])));

export interface RowOutcome {
  errors: RowError[];
  /** Set when the row is valid. */
  figure?: NormalisedRow;
}

/** A cell as the user wrote it, for error reports. */
export const cellText = (cell: CellValue | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return numberCellToDecimal(cell) ?? String(cell);
  return cell;
};

const NUL = /\u0000/g;
/** U+0000 shown as ␀ (U+2400): PostgreSQL refuses NUL in text and jsonb, so neither a value nor an error may carry one. */
export const withoutNul = (text: string): string => (text.includes('\u0000') ? text.replace(NUL, '\u2400') : text);

const listCodes = (codes: readonly string[]): string => {
  const sorted = [...codes].sort();
  return sorted.length > 12 ? `${sorted.slice(0, 12).join(', ')}…` : sorted.join(', ');
};

const didYouMean = (typed: string, index: CodeIndex, among: readonly string[]): string => {
  const closest = index.suggest(typed, among);
  return closest === null ? '' : ` Vouliez-vous dire ${closest} ?`;
};

/**
 * The unit of a row from a file without a unit column: its sheet's name when that names a unit (a workbook with a sheet
 * per antenna), else the one unit of the submitter's scope that runs the row's service; `null` when neither settles it.
 */
const implicitUnit = (row: RawRow, ctx: RowContext): string | null => {
  if (row.sheet !== undefined) {
    const code = ctx.orgUnits.resolve(row.sheet);
    if (code !== null && ctx.catalogue.orgUnits.get(code)?.leaf) return code;
  }
  const serviceCode = ctx.services.resolve(cellText(row.cells.service).trim());
  const def = serviceCode === null ? undefined : ctx.catalogue.services.get(serviceCode);
  if (def === undefined) return null;
  const units = ctx.writableLeaves.filter((code) => def.orgUnits.has(code));
  return units.length === 1 ? units[0] : null;
};

const GRANULARITY: Record<Granularity, { adverb: string; adjective: string; example: (year: string) => string }> = {
  month: { adverb: 'par mois', adjective: 'mensuelle', example: (year) => `${year}-01 ou janv. ${year}` },
  quarter: { adverb: 'par trimestre', adjective: 'trimestrielle', example: (year) => `${year}-T1` },
  year: { adverb: 'par année', adjective: 'annuelle', example: (year) => year },
};

const PERIOD_PROBLEMS: Record<PeriodError, string> = {
  empty: 'période manquante',
  not_a_period: 'période non reconnue',
  month_out_of_range: 'le mois doit être compris entre 01 et 12',
  quarter_out_of_range: 'le trimestre doit être compris entre T1 et T4',
  year_out_of_range: `l'année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}`,
  invalid_date: "cette date n'existe pas",
};

const PERIOD_FORMS = 'écrivez par exemple 2024-03, 03/2024, mars 2024, 2024-T1 ou 2024';

/** Checks one row against the catalogue; collects every problem of the row, not just the first. */
export const validateRow = (row: RawRow, ctx: RowContext): RowOutcome => {
  const errors: RowError[] = [];
  const raw = (field: FigureField): string => withoutNul(cellText(row.cells[field]));
  const columnOf = (field: FigureField): string => row.columns?.[field] ?? ctx.column(field);
  const where = row.sheet === undefined ? {} : { sheet: withoutNul(row.sheet) };
  const report = (field: FigureField, code: RowErrorCode, message: string): void => {
    errors.push({ line: row.line, column: withoutNul(columnOf(field)), value: raw(field), code, message, ...where });
  };

  // A NUL byte (U+0000, shown ␀) in any cell: an error of its row, like any other (it would fail every write otherwise).
  for (const key in row.cells) {
    const field = key as FigureField;
    if (cellText(row.cells[field]).includes('\u0000')) {
      report(
        field,
        'nul_byte',
        `Caractère nul (octet 0x00, affiché ␀) dans la colonne « ${withoutNul(columnOf(field))} » : ce caractère invisible n'est pas admis. ` +
          'Retirez-le, ou ré-enregistrez le fichier depuis le tableur en CSV UTF-8.',
      );
    }
  }

  // Org unit
  const withoutUnitColumn = !('orgUnit' in row.cells);
  const unitText = withoutUnitColumn ? (implicitUnit(row, ctx) ?? '') : raw('orgUnit').trim();
  let orgUnit: string | null = null;
  if (unitText === '' && withoutUnitColumn) {
    report(
      'orgUnit',
      'missing_org_unit',
      `Unité inconnue : le fichier n'a pas de colonne Unité et le service de cette ligne ne se rattache pas à une seule de vos unités. ` +
        `Ajoutez une colonne Unité, nommez chaque feuille d'après son unité, ou choisissez l'unité à l'étape « Correspondance des colonnes » (${listCodes(ctx.writableLeaves)}).`,
    );
  } else if (unitText === '') {
    report('orgUnit', 'missing_org_unit', `Unité manquante : indiquez le code de l'unité de saisie (${listCodes(ctx.leafUnits)}).`);
  } else {
    const code = ctx.orgUnits.resolve(unitText);
    if (code === null) {
      report(
        'orgUnit',
        'unknown_org_unit',
        `Unité « ${unitText} » inconnue.${didYouMean(unitText, ctx.orgUnits, ctx.leafUnits)} Unités de saisie : ${listCodes(ctx.leafUnits)}.`,
      );
    } else if (!ctx.catalogue.orgUnits.get(code)?.leaf) {
      report(
        'orgUnit',
        'not_a_leaf_unit',
        `L'unité ${code} regroupe d'autres unités : saisissez les chiffres au niveau d'une unité de saisie ` +
          `(${listCodes(ctx.leafUnits)}), ils sont additionnés automatiquement.`,
      );
    } else if (ctx.catalogue.orgUnits.get(code)?.writable === false) {
      report(
        'orgUnit',
        'unit_out_of_scope',
        `Unité ${code} hors de votre périmètre : vos rôles finance ou admin ne couvrent pas cette unité` +
          `${ctx.writableLeaves.length > 0 ? ` (vous pouvez saisir pour : ${listCodes(ctx.writableLeaves)})` : ''} ; retirez ces lignes ou demandez le rôle à un administrateur.`,
      );
    } else {
      orgUnit = code;
    }
  }

  // Service
  const serviceText = raw('service').trim();
  let service: { code: string; def: CatalogueService } | null = null;
  const serviceCodes = ctx.services.codes;
  if (serviceText === '') {
    report('service', 'missing_service', `Service manquant : indiquez le code du service (${listCodes(serviceCodes)}).`);
  } else {
    const code = ctx.services.resolve(serviceText);
    const def = code === null ? undefined : ctx.catalogue.services.get(code);
    if (code === null || def === undefined) {
      report(
        'service',
        'unknown_service',
        `Service « ${serviceText} » inconnu.${didYouMean(serviceText, ctx.services, serviceCodes)} Services : ${listCodes(serviceCodes)}.`,
      );
    } else if (orgUnit !== null && !def.orgUnits.has(orgUnit)) {
      report(
        'service',
        'service_not_at_unit',
        `Le service ${code} n'est pas assuré par l'unité ${orgUnit} (il l'est par : ${listCodes([...def.orgUnits]) || 'aucune unité'}) : vérifiez l'unité ou le service.`,
      );
    } else {
      service = { code, def };
    }
  }

  // Metric
  const metricText = raw('metric').trim();
  let metric: string | null = null;
  const metricCodes = ctx.metrics.codes;
  if (metricText === '') {
    report('metric', 'missing_metric', `Indicateur manquant : indiquez le code de l'indicateur (par ex. ${listCodes(metricCodes.slice(0, 3))}).`);
  } else {
    const code = ctx.metrics.resolve(metricText);
    const allowed = service?.def.metrics;
    if (code === null) {
      report(
        'metric',
        'unknown_metric',
        `Indicateur « ${metricText} » inconnu.${didYouMean(metricText, ctx.metrics, metricCodes)} Indicateurs : ${listCodes(metricCodes)}.`,
      );
    } else if (service !== null && allowed !== undefined && !allowed.has(code)) {
      report(
        'metric',
        'metric_not_for_service',
        `L'indicateur ${ctx.metrics.named(code)} ne concerne pas le service ${ctx.services.named(service.code)} (indicateurs de ce service : ${listCodes([...allowed])}).`,
      );
    } else {
      metric = code;
    }
  }

  // Period: a date cell takes the service's granularity.
  const periodCell = row.cells.period ?? null;
  let period: string | null = null;
  if (periodCell === null || (typeof periodCell === 'string' && periodCell.trim() === '')) {
    report('period', 'missing_period', `Période manquante : ${PERIOD_FORMS}.`);
  } else {
    const parsed = parseFrenchPeriod(periodCell, service?.def.granularity ?? 'month');
    if (!parsed.ok) {
      report('period', 'invalid_period', `Période « ${raw('period').trim()} » invalide : ${PERIOD_PROBLEMS[parsed.error]} (${PERIOD_FORMS}).`);
    } else if (service !== null && parsed.granularity !== service.def.granularity) {
      const expected = GRANULARITY[service.def.granularity];
      report(
        'period',
        'period_granularity',
        `Le service ${service.code} se saisit ${expected.adverb}, pas ${GRANULARITY[parsed.granularity].adverb} : ` +
          `indiquez une période ${expected.adjective} (par ex. ${expected.example(parsed.code.slice(0, 4))}).`,
      );
    } else {
      period = parsed.code;
    }
  }

  // Value: blank is not zero.
  const valueCell = row.cells.value ?? null;
  const valueText = raw('value');
  let value: string | null = null;
  if (valueCell === null || (typeof valueCell === 'string' && valueCell.trim() === '')) {
    report(
      'value',
      'missing_value',
      "Valeur manquante : une case vide ne vaut pas zéro. Saisissez 0 si la valeur est nulle, ou retirez la ligne si le chiffre n'est pas connu.",
    );
  } else if (valueCell instanceof Date) {
    report('value', 'not_a_number', `La valeur « ${valueText} » est une date, pas un nombre : vérifiez le format de la cellule.`);
  } else if (typeof valueCell === 'number') {
    value = numberCellToDecimal(valueCell);
    if (value === null) report('value', 'not_a_number', `La valeur « ${valueText} » n'est pas un nombre.`);
  } else {
    const parsed = parseFrenchNumber(valueCell);
    if (parsed.ok) {
      value = parsed.value;
    } else if (parsed.error === 'invalid_grouping') {
      report(
        'value',
        'not_a_number',
        `Nombre « ${valueText.trim()} » mal écrit : les séparateurs de milliers doivent séparer des groupes de 3 chiffres ` +
          '(par ex. 1 234 567,89), et la virgule ne sert qu’une fois, pour les décimales.',
      );
    } else {
      report('value', 'not_a_number', `« ${valueText.trim()} » n'est pas un nombre : écrivez la valeur en chiffres (par ex. 1 234,56).`);
    }
  }
  const constraints = metric === null ? undefined : ctx.catalogue.metrics.get(metric);
  if (value !== null && metric !== null && constraints !== undefined) {
    if (constraints.integer && !isWholeDecimal(value)) {
      report(
        'value',
        'not_an_integer',
        `${ctx.metrics.label(metric) ?? `L'indicateur ${metric}`} doit être un nombre entier : « ${valueText.trim()} » a des décimales.`,
      );
    }
    if (constraints.min !== undefined && compareDecimals(value, constraints.min) < 0) {
      report(
        'value',
        'below_min',
        `La valeur ${formatFrenchDecimal(value)} est inférieure au minimum de l'indicateur « ${ctx.metrics.label(metric) ?? metric} » (${formatFrenchDecimal(constraints.min)}) : vérifiez le signe et le montant.`,
      );
    }
    if (constraints.max !== undefined && compareDecimals(value, constraints.max) > 0) {
      report(
        'value',
        'above_max',
        `La valeur ${formatFrenchDecimal(value)} dépasse le maximum de l'indicateur « ${ctx.metrics.label(metric) ?? metric} » (${formatFrenchDecimal(constraints.max)}) : vérifiez le montant et l'unité.`,
      );
    }
  }

  const commentText = raw('comment').trim();
  if (errors.length > 0 || orgUnit === null || service === null || metric === null || period === null || value === null) {
    return { errors };
  }
  const comment = commentText === '' ? {} : { comment: commentText };
  return { errors, figure: { line: row.line, orgUnit, service: service.code, metric, period, value, ...comment } };
};
