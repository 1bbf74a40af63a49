import { d } from '../money/decimal';
import { aggregateCustomIndicator, compileCustomIndicator, CustomIndicator, evaluateCustomIndicator } from './custom-indicator';
import { dependencies, references } from './dependencies';
import { evaluateFormula } from './evaluate';
import { FormulaError } from './formula-error';
import { MetricLookup } from './formula.types';
import { MAX_FORMULA_DEPTH, parseFormula, tryParseFormula } from './parser';
import { tokenize } from './tokenizer';

const lookupOf =
  (values: Record<string, string>): MetricLookup =>
  (metric) =>
    values[metric] === undefined ? undefined : d(values[metric]);
const run = (source: string, values: Record<string, string> = {}): string | null => {
  const result = evaluateFormula({ formula: parseFormula(source), lookup: lookupOf(values) });
  return result === null ? null : result.toFixed();
};
const errorOf = (source: string): { position: number; message: string } => {
  const result = tryParseFormula(source);
  if (result.ok) throw new Error(`formule acceptée à tort : ${source}`);
  return { position: result.error.position, message: result.error.message };
};

describe(tokenize.name, () => {
  it('reads numbers, references, identifiers and operators with their positions', () => {
    const sut = tokenize('sum(#{hours.portage_repas}, 1.5) <= 2');
    expect(sut.map((token) => [token.kind, token.position])).toEqual([
      ['identifier', 0],
      ['symbol', 3],
      ['ref', 4],
      ['symbol', 26],
      ['number', 28],
      ['symbol', 31],
      ['comparison', 33],
      ['number', 36],
      ['end', 37],
    ]);
  });
});

describe(parseFormula.name, () => {
  it('gives * and / precedence over + and -, left to right', () => {
    // 2 + 3 × 4 = 14 ; 20 / 5 / 2 = 2 ; 10 − 4 − 3 = 3
    expect([run('2 + 3 * 4'), run('20 / 5 / 2'), run('10 - 4 - 3')]).toEqual(['14', '2', '3']);
  });
  it('honours parentheses and unary minus', () => {
    // (2 + 3) × 4 = 20 ; −(2 − 5) = 3 ; −−1 = 1 ; 2 × −3 = −6
    expect([run('(2 + 3) * 4'), run('-(2 - 5)'), run('--1'), run('2 * -3')]).toEqual(['20', '3', '1', '-6']);
  });
  it('computes with decimals, never binary floats', () => {
    // 0.1 + 0.2 = 0.3 exactly
    expect(run('0.1 + 0.2')).toBe('0.3');
  });
  it.each<[string, number, RegExp]>([
    ['', 0, /attendu/],
    ['1 +', 3, /inattendu/],
    ['(1 + 2', 6, /parenthèse fermante/],
    ['1 + 2)', 5, /inattendu/],
    ['foo(1)', 0, /fonction inconnue « foo »/],
    ['#{spend', 0, /non fermée/],
    ['#{}', 0, /vide/],
    ['#{a b}', 2, /code de métrique invalide/],
    ['#spend', 0, /#\{code\}/],
    ['1.', 2, /chiffre attendu après le point/],
    ['1,5', 1, /inattendu/],
    ['1 = 2', 2, /==/],
    ['1 < 2', 2, /seulement dans la condition de if/],
    ['if(1, 2, 3)', 4, /comparaison attendue/],
    ['if(1 < 2, 3)', 11, /« , » après la valeur « alors »/],
    ['isMissing(#{a})', 0, /condition/],
    ['sum()', 4, /au moins un argument/],
    ['2 @ 3', 2, /caractère inattendu « @ »/],
    ['min(1 2)', 6, /« , » ou « \) »/],
  ])('rejects %p at position %i', (source, position, message) => {
    const sut = errorOf(source);
    expect(sut.position).toBe(position);
    expect(sut.message).toMatch(message);
  });
  it('throws a FormulaError, not a stack overflow, on deep nesting', () => {
    const deep = `${'('.repeat(MAX_FORMULA_DEPTH + 5)}1${')'.repeat(MAX_FORMULA_DEPTH + 5)}`;
    expect(() => parseFormula(deep)).toThrow(FormulaError);
  });
});

describe(evaluateFormula.name, () => {
  it('reads metric references', () => {
    // 1200 / 60 = 20 hours per beneficiary
    expect(run('#{hours.portage_repas} / #{beneficiaries}', { 'hours.portage_repas': '1200', beneficiaries: '60' })).toBe('20');
  });
  it('propagates missing values through arithmetic: blank is not zero', () => {
    expect(run('#{a} + 1', {})).toBeNull();
    expect(run('-#{a}', {})).toBeNull();
    expect(run('#{a} * 0', {})).toBeNull();
  });
  it('gives missing on division by zero', () => {
    expect(run('1 / (#{a} - 2)', { a: '2' })).toBeNull();
  });
  it('sum ignores missing values and is missing only when all are', () => {
    // sum(3, missing, 4) = 7
    expect(run('sum(#{a}, #{b}, #{c})', { a: '3', c: '4' })).toBe('7');
    expect(run('sum(#{a}, #{b})', {})).toBeNull();
  });
  it('min and max need every argument', () => {
    expect([run('min(3, #{a}, 2)', { a: '1' }), run('max(3, #{a}, 2)', { a: '1' })]).toEqual(['1', '3']);
    expect(run('min(3, #{a})', {})).toBeNull();
  });
  it('if picks a branch with each comparison operator', () => {
    const values = { a: '5' };
    expect(['<', '<=', '>', '>=', '==', '!='].map((op) => run(`if(#{a} ${op} 5, 1, 0)`, values))).toEqual(['0', '1', '0', '1', '1', '0']);
  });
  it('if(isMissing(x), fallback, x) handles a blank explicitly', () => {
    expect(run('if(isMissing(#{a}), 0, #{a})', {})).toBe('0');
    expect(run('if(isMissing(#{a}), 0, #{a})', { a: '7' })).toBe('7');
  });
  it('if is missing when its comparison is', () => {
    expect(run('if(#{a} > 1, 1, 0)', {})).toBeNull();
  });
  it('evaluates only the chosen branch', () => {
    // the other branch would be missing (division by zero): not evaluated
    expect(run('if(1 < 2, 4, 1 / 0)')).toBe('4');
  });
});

describe(dependencies.name, () => {
  it('lists each metric once in order of first appearance', () => {
    expect(dependencies(parseFormula('if(isMissing(#{b}), #{a}, #{b} + #{a}) * #{c}'))).toEqual(['b', 'a', 'c']);
  });
});

describe(references.name, () => {
  it('gives every occurrence with its position', () => {
    expect(references(parseFormula('#{a} + #{a}'))).toEqual([
      { metric: 'a', position: 0 },
      { metric: 'a', position: 7 },
    ]);
  });
});

const compile = (definition: { numerator: string; denominator?: string; factor?: string }): CustomIndicator => {
  const result = compileCustomIndicator(definition);
  if (!result.ok) throw new Error(result.errors.map((error) => error.error.message).join('; '));
  return result.indicator;
};

describe(compileCustomIndicator.name, () => {
  it('reports the error of every part with its position', () => {
    const sut = compileCustomIndicator({ numerator: '#{a} +', denominator: 'max(', factor: '100 * #{x}' });
    expect(sut.ok ? [] : sut.errors.map(({ part, error }) => [part, error.position])).toEqual([
      ['numerator', 6],
      ['denominator', 4],
      ['factor', 6],
    ]);
  });
  it('collects the dependencies of numerator and denominator', () => {
    expect(compile({ numerator: '#{hours} + #{extra}', denominator: '#{beneficiaries} + #{hours}' }).dependencies).toEqual(['hours', 'extra', 'beneficiaries']);
  });
});

describe(evaluateCustomIndicator.name, () => {
  it('is numerator / denominator × factor', () => {
    // 30 / 120 × 100 = 25 %
    const sut = evaluateCustomIndicator({
      indicator: compile({ numerator: '#{a}', denominator: '#{b}', factor: '100' }),
      lookup: lookupOf({ a: '30', b: '120' }),
    });
    expect(sut.value?.toFixed()).toBe('25');
  });
  it('is missing when the denominator is 0 or missing', () => {
    const indicator = compile({ numerator: '#{a}', denominator: '#{b}' });
    expect(evaluateCustomIndicator({ indicator, lookup: lookupOf({ a: '1', b: '0' }) }).value).toBeNull();
    expect(evaluateCustomIndicator({ indicator, lookup: lookupOf({ a: '1' }) }).value).toBeNull();
  });
});

describe(aggregateCustomIndicator.name, () => {
  it('sums numerator and denominator separately, then divides', () => {
    // cells 10/20 (0.5) and 90/30 (3): ratio of sums (10 + 90) / (20 + 30) = 2, not the mean 1.75
    const sut = aggregateCustomIndicator({
      indicator: compile({ numerator: '#{a}', denominator: '#{b}' }),
      cells: [lookupOf({ a: '10', b: '20' }), lookupOf({ a: '90', b: '30' })],
    });
    expect([sut.numerator?.toFixed(), sut.denominator?.toFixed(), sut.value?.toFixed()]).toEqual(['100', '50', '2']);
  });
  it('leaves out cells with a missing part and counts them', () => {
    // only the first cell is complete: 10 / 20 × 100 = 50
    const sut = aggregateCustomIndicator({
      indicator: compile({ numerator: '#{a}', denominator: '#{b}', factor: '100' }),
      cells: [lookupOf({ a: '10', b: '20' }), lookupOf({ a: '90' })],
    });
    expect([sut.value?.toFixed(), sut.cellsUsed, sut.cellsMissing]).toEqual(['50', 1, 1]);
  });
  it('is missing when no cell is usable', () => {
    expect(aggregateCustomIndicator({ indicator: compile({ numerator: '#{a}' }), cells: [lookupOf({})] }).value).toBeNull();
  });
  it('sums a numerator alone', () => {
    expect(aggregateCustomIndicator({ indicator: compile({ numerator: '#{a}' }), cells: [lookupOf({ a: '1' }), lookupOf({ a: '2' })] }).value?.toFixed()).toBe(
      '3',
    );
  });
});
