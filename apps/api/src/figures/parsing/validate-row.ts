import Decimal from 'decimal.js';
import { closestCode } from './closest-code';
import { formatFrenchDecimal } from './format-french-decimal';
import { parseFrenchNumber } from './french-number';
import { MAX_YEAR, MIN_YEAR, parseFrenchPeriod, type PeriodError } from './french-period';
import { numberCellToDecimal } from './number-cell';
import type { CatalogueService, FigureCatalogue } from './figure-catalogue.types';
import type { CellValue, FigureField, Granularity, RawRow } from './figure-file.types';
import type { NormalisedRow, RowError, RowErrorCode } from './row-validation.types';

/** Catalogue codes, matched exactly or else case-insensitively (`valmont-nord` → `VALMONT-NORD`) when unambiguous. */
export class CodeIndex {
  private readonly exact: ReadonlySet<string>;
  private readonly byLowerCase = new Map<string, string | null>();

  constructor(readonly codes: readonly string[]) {
    this.exact = new Set(codes);
    for (const code of codes) {
      const lower = code.toLowerCase();
      this.byLowerCase.set(lower, this.byLowerCase.has(lower) ? null : code);
    }
  }

  resolve(text: string): string | null {
    if (this.exact.has(text)) return text;
    return this.byLowerCase.get(text.toLowerCase()) ?? null;
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
  orgUnits: new CodeIndex([...catalogue.orgUnits.keys()]),
  leafUnits: [...catalogue.orgUnits].filter(([, unit]) => unit.leaf).map(([code]) => code),
  writableLeaves: [...catalogue.orgUnits].filter(([, unit]) => unit.leaf && unit.writable !== false).map(([code]) => code),
  services: new CodeIndex([...catalogue.services.keys()]),
  metrics: new CodeIndex([...catalogue.metrics.keys()]),
});

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
export const withoutNul = (text: string): string => text.replace(NUL, '\u2400');

const listCodes = (codes: readonly string[]): string => {
  const sorted = [...codes].sort();
  return sorted.length > 12 ? `${sorted.slice(0, 12).join(', ')}…` : sorted.join(', ');
};

const didYouMean = (typed: string, codes: readonly string[]): string => {
  const closest = closestCode(typed, codes);
  return closest === null ? '' : ` Vouliez-vous dire ${closest} ?`;
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
  const report = (field: FigureField, code: RowErrorCode, message: string): void => {
    errors.push({ line: row.line, column: withoutNul(ctx.column(field)), value: raw(field), code, message });
  };

  // A NUL byte (U+0000, shown ␀) in any cell: an error of its row, like any other (it would fail every write otherwise).
  for (const field of Object.keys(row.cells) as FigureField[]) {
    if (cellText(row.cells[field]).includes('\u0000')) {
      report(
        field,
        'nul_byte',
        `Caractère nul (octet 0x00, affiché ␀) dans la colonne « ${withoutNul(ctx.column(field))} » : ce caractère invisible n'est pas admis. ` +
          'Retirez-le, ou ré-enregistrez le fichier depuis le tableur en CSV UTF-8.',
      );
    }
  }

  // Org unit
  const unitText = raw('orgUnit').trim();
  let orgUnit: string | null = null;
  if (unitText === '') {
    report('orgUnit', 'missing_org_unit', `Unité manquante : indiquez le code de l'unité de saisie (${listCodes(ctx.leafUnits)}).`);
  } else {
    const code = ctx.orgUnits.resolve(unitText);
    if (code === null) {
      report(
        'orgUnit',
        'unknown_org_unit',
        `Unité « ${unitText} » inconnue.${didYouMean(unitText, ctx.leafUnits)} Unités de saisie : ${listCodes(ctx.leafUnits)}.`,
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
        `Service « ${serviceText} » inconnu.${didYouMean(serviceText, serviceCodes)} Services : ${listCodes(serviceCodes)}.`,
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
        `Indicateur « ${metricText} » inconnu.${didYouMean(metricText, metricCodes)} Indicateurs : ${listCodes(metricCodes)}.`,
      );
    } else if (service !== null && allowed !== undefined && !allowed.has(code)) {
      report(
        'metric',
        'metric_not_for_service',
        `L'indicateur ${code} ne concerne pas le service ${service.code} (indicateurs de ce service : ${listCodes([...allowed])}).`,
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
    const decimal = new Decimal(value);
    if (constraints.integer && !decimal.isInteger()) {
      report('value', 'not_an_integer', `L'indicateur ${metric} se compte en nombre entier : « ${valueText.trim()} » a des décimales.`);
    }
    if (constraints.min !== undefined && decimal.lt(constraints.min)) {
      report(
        'value',
        'below_min',
        `La valeur ${formatFrenchDecimal(value)} est inférieure au minimum de l'indicateur ${metric} (${formatFrenchDecimal(constraints.min)}) : vérifiez le signe et le montant.`,
      );
    }
    if (constraints.max !== undefined && decimal.gt(constraints.max)) {
      report(
        'value',
        'above_max',
        `La valeur ${formatFrenchDecimal(value)} dépasse le maximum de l'indicateur ${metric} (${formatFrenchDecimal(constraints.max)}) : vérifiez le montant et l'unité.`,
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
