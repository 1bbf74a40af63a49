import { divideOrNull, sumDecimals } from '../money/arithmetic';
import { Decimal } from '../money/decimal';
import { dependencies, references } from './dependencies';
import { evaluateFormula } from './evaluate';
import { FormulaError } from './formula-error';
import { FormulaNode, MetricLookup } from './formula.types';
import { tryParseFormula } from './parser';

/** A custom indicator as its owner writes it: numerator / denominator × factor (denominator and factor optional). */
export interface CustomIndicatorDefinition {
  readonly numerator: string;
  readonly denominator?: string | null;
  readonly factor?: string | null;
}

export interface CustomIndicator {
  readonly numerator: FormulaNode;
  readonly denominator: FormulaNode | null;
  /** A constant expression (no metric reference), e.g. `100` for a percentage. */
  readonly factor: FormulaNode | null;
  /** Metric references of numerator and denominator, each once. */
  readonly dependencies: readonly string[];
}

export type CustomIndicatorPart = 'numerator' | 'denominator' | 'factor';

export interface CustomIndicatorError {
  readonly part: CustomIndicatorPart;
  readonly error: FormulaError;
}

export type CompileCustomIndicatorResult = { ok: true; indicator: CustomIndicator } | { ok: false; errors: CustomIndicatorError[] };

const blank = (text: string | null | undefined): boolean => text === undefined || text === null || text.trim() === '';

/** Parses the parts of a custom indicator; every part's error is reported. The factor must not reference a metric. */
export const compileCustomIndicator = (definition: CustomIndicatorDefinition): CompileCustomIndicatorResult => {
  const errors: CustomIndicatorError[] = [];
  const compile = (part: CustomIndicatorPart, source: string): FormulaNode | null => {
    const result = tryParseFormula(source);
    if (result.ok) return result.formula;
    errors.push({ part, error: result.error });
    return null;
  };
  const numerator = compile('numerator', definition.numerator);
  const denominator = blank(definition.denominator) ? null : compile('denominator', definition.denominator ?? '');
  const factor = blank(definition.factor) ? null : compile('factor', definition.factor ?? '');
  const factorRef = factor === null ? undefined : references(factor)[0];
  if (factorRef !== undefined) {
    errors.push({
      part: 'factor',
      error: new FormulaError(factorRef.position, `le facteur est une constante : il ne peut pas référencer de métrique (#{${factorRef.metric}})`),
    });
  }
  if (errors.length > 0 || numerator === null) return { ok: false, errors };
  const refs = [...new Set([...dependencies(numerator), ...(denominator === null ? [] : dependencies(denominator))])];
  return { ok: true, indicator: { numerator, denominator, factor, dependencies: refs } };
};

const NO_METRICS: MetricLookup = () => undefined;

export interface CustomIndicatorValue {
  readonly numerator: Decimal | null;
  readonly denominator: Decimal | null;
  /** numerator / denominator × factor; missing when a part is missing or the denominator is 0. */
  readonly value: Decimal | null;
}

const combine = ({
  indicator,
  numerator,
  denominator,
}: {
  indicator: CustomIndicator;
  numerator: Decimal | null;
  denominator: Decimal | null;
}): Decimal | null => {
  if (numerator === null) return null;
  let value: Decimal | null = numerator;
  if (indicator.denominator !== null) value = denominator === null ? null : divideOrNull({ numerator, denominator });
  if (value === null || indicator.factor === null) return value;
  const factor = evaluateFormula({ formula: indicator.factor, lookup: NO_METRICS });
  return factor === null ? null : value.times(factor);
};

/** The indicator on one cell (org unit × service × period). */
export const evaluateCustomIndicator = ({ indicator, lookup }: { indicator: CustomIndicator; lookup: MetricLookup }): CustomIndicatorValue => {
  const numerator = evaluateFormula({ formula: indicator.numerator, lookup });
  const denominator = indicator.denominator === null ? null : evaluateFormula({ formula: indicator.denominator, lookup });
  return { numerator, denominator, value: combine({ indicator, numerator, denominator }) };
};

export interface AggregatedCustomIndicator extends CustomIndicatorValue {
  /** Cells whose numerator and (when there is one) denominator are both present: the ones summed. */
  readonly cellsUsed: number;
  /** Cells left out because a part was missing (shown as incomplete data, never counted as 0). */
  readonly cellsMissing: number;
}

/**
 * Aggregation over org units and periods (docs/methodology.md#custom-indicators-targets-alerts): Σ numerator and Σ denominator over the cells, then divide and × factor;
 * never an average of ratios. A cell counts only when its parts are all present, so both sums cover the same cells;
 * with no usable cell the value is missing.
 */
export const aggregateCustomIndicator = ({ indicator, cells }: { indicator: CustomIndicator; cells: readonly MetricLookup[] }): AggregatedCustomIndicator => {
  const values = cells.map((lookup) => evaluateCustomIndicator({ indicator, lookup }));
  const used = values.filter((value) => value.numerator !== null && (indicator.denominator === null || value.denominator !== null));
  if (used.length === 0) return { numerator: null, denominator: null, value: null, cellsUsed: 0, cellsMissing: cells.length };
  const numerator = sumDecimals(used.map((value) => value.numerator).filter((part): part is Decimal => part !== null));
  const denominator =
    indicator.denominator === null ? null : sumDecimals(used.map((value) => value.denominator).filter((part): part is Decimal => part !== null));
  return { numerator, denominator, value: combine({ indicator, numerator, denominator }), cellsUsed: used.length, cellsMissing: cells.length - used.length };
};
