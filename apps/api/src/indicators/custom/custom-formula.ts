import {
  compileCustomIndicator,
  CustomIndicator as CompiledIndicator,
  d,
  Decimal,
  divideOrNull,
  evaluateFormula,
  MetricLookup,
  references,
} from '@levier/indicators';

/**
 * How a metric reference of a custom formula resolves against a cell (leaf org unit × service × period):
 * - `#{meals}`: the figure of metric `meals` in the cell, whatever its service;
 * - `#{hours.PORTAGE_REPAS}`: when `hours.PORTAGE_REPAS` is not itself a metric code, a metric (`hours`) restricted to
 *   one service (`PORTAGE_REPAS`, case-insensitive): missing in cells of any other service. Metric codes may hold dots
 *   (`observed.placement_evite`), so an exact metric code always wins.
 * A cell without the figure gives a missing value (blank is not zero); `sum(#{spend.SAAD}, #{spend.AED})` adds
 * services because `sum` skips missing arguments.
 */
export interface ResolvedReference {
  metric: string;
  service: string | null;
}

export interface FormulaFieldError {
  field: 'numerator' | 'denominator' | 'factor';
  position: number;
  message: string;
}

export interface Catalogue {
  metrics: readonly string[];
  services: readonly string[];
}

export type CompiledCustomIndicator = {
  indicator: CompiledIndicator;
  references: ReadonlyMap<string, ResolvedReference>;
  /** The factor's value (a constant expression), or null without factor. */
  factor: Decimal | null;
};

export const resolveReference = (reference: string, catalogue: Catalogue): ResolvedReference | null => {
  if (catalogue.metrics.includes(reference)) return { metric: reference, service: null };
  const dot = reference.lastIndexOf('.');
  if (dot <= 0) return null;
  const metric = reference.slice(0, dot);
  const service = catalogue.services.find((s) => s.toLowerCase() === reference.slice(dot + 1).toLowerCase());
  return catalogue.metrics.includes(metric) && service !== undefined ? { metric, service } : null;
};

/** Parses and checks a definition: syntax errors at their position, unknown metrics or services at the reference. */
export const compileDefinition = (
  definition: { numerator: string; denominator?: string | null; factor?: string | null },
  catalogue: Catalogue,
): { ok: true; compiled: CompiledCustomIndicator } | { ok: false; errors: FormulaFieldError[] } => {
  const result = compileCustomIndicator(definition);
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => ({ field: e.part, position: e.error.position, message: e.error.message })) };
  const { indicator } = result;
  const errors: FormulaFieldError[] = [];
  const resolved = new Map<string, ResolvedReference>();
  for (const [field, node] of [
    ['numerator', indicator.numerator],
    ['denominator', indicator.denominator],
  ] as const) {
    if (node === null) continue;
    for (const ref of references(node)) {
      const target = resolveReference(ref.metric, catalogue);
      if (target === null) {
        errors.push({
          field,
          position: ref.position,
          message: `métrique inconnue « ${ref.metric} » : écrivez #{code} d’une métrique de l’organisation (${catalogue.metrics.join(', ')}), ou #{code.SERVICE} pour un seul service`,
        });
      } else resolved.set(ref.metric, target);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  let factor: Decimal | null = null;
  if (indicator.factor !== null) {
    factor = evaluateFormula({ formula: indicator.factor, lookup: () => undefined });
    if (factor === null) return { ok: false, errors: [{ field: 'factor', position: 0, message: 'le facteur ne donne pas de valeur (division par zéro ?)' }] };
  }
  return { ok: true, compiled: { indicator, references: resolved, factor } };
};

/** A metric lookup for one cell: figures by metric code, and the cell's service code. */
export const cellLookup =
  (compiled: CompiledCustomIndicator, service: string, figures: ReadonlyMap<string, Decimal>): MetricLookup =>
  (reference) => {
    const target = compiled.references.get(reference);
    if (target === undefined) return undefined;
    if (target.service !== null && target.service !== service) return undefined;
    return figures.get(target.metric);
  };

/** Σ numerator / Σ denominator × factor from stored sums (the read model keeps the parts, never ratios). */
export const combineSums = ({
  numerator,
  denominator,
  hasDenominator,
  factor,
}: {
  numerator: Decimal | null;
  denominator: Decimal | null;
  hasDenominator: boolean;
  factor: Decimal | null;
}): Decimal | null => {
  if (numerator === null) return null;
  const base = hasDenominator ? (denominator === null ? null : divideOrNull({ numerator, denominator })) : numerator;
  if (base === null) return null;
  return factor === null ? base : base.times(factor);
};

export const decimalOrNull = (value: string | null): Decimal | null => (value === null ? null : d(value));
