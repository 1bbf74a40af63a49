import { d, Decimal } from '../money/decimal';
import { FormulaError } from './formula-error';
import { ComparisonOperator } from './formula.types';

type SymbolChar = '+' | '-' | '*' | '/' | '(' | ')' | ',';

export type Token =
  | { readonly kind: 'number'; readonly value: Decimal; readonly position: number; readonly text: string }
  | { readonly kind: 'ref'; readonly metric: string; readonly position: number; readonly text: string }
  | { readonly kind: 'identifier'; readonly name: string; readonly position: number; readonly text: string }
  | { readonly kind: 'symbol'; readonly symbol: SymbolChar; readonly position: number; readonly text: string }
  | { readonly kind: 'comparison'; readonly operator: ComparisonOperator; readonly position: number; readonly text: string }
  | { readonly kind: 'end'; readonly position: number; readonly text: string };

export const MAX_FORMULA_LENGTH = 10_000;

const isDigit = (char: string): boolean => char >= '0' && char <= '9';
const isIdentifierStart = (char: string): boolean => /[A-Za-z_]/.test(char);
const isIdentifierPart = (char: string): boolean => /[A-Za-z0-9_]/.test(char);
/** Metric codes: letters, digits, `_`, `.` and `-` (`hours.portage_repas`, `observed.CHUTE_GRAVE`). */
const METRIC_CODE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

const SYMBOLS: readonly string[] = ['+', '-', '*', '/', '(', ')', ','];
const isSymbol = (char: string): char is SymbolChar => SYMBOLS.includes(char);

/** Hand-written tokenizer: numbers with a dot decimal, `#{metric}` references, identifiers, operators. Throws FormulaError. */
export const tokenize = (source: string): Token[] => {
  if (source.length > MAX_FORMULA_LENGTH)
    throw new FormulaError(MAX_FORMULA_LENGTH, `formule trop longue (${source.length} caractères, maximum ${MAX_FORMULA_LENGTH})`);
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    const start = index;
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (isDigit(char) || (char === '.' && isDigit(source[index + 1] ?? ''))) {
      if (char === '.') throw new FormulaError(start, 'nombre invalide : un chiffre est attendu avant le point décimal (écrire 0.5)');
      while (isDigit(source[index] ?? '')) index += 1;
      if (source[index] === '.') {
        index += 1;
        if (!isDigit(source[index] ?? '')) throw new FormulaError(index, 'nombre invalide : chiffre attendu après le point décimal');
        while (isDigit(source[index] ?? '')) index += 1;
      }
      const text = source.slice(start, index);
      tokens.push({ kind: 'number', value: d(text), position: start, text });
      continue;
    }
    if (char === '#') {
      if (source[index + 1] !== '{') throw new FormulaError(start, 'référence de métrique attendue sous la forme #{code}');
      const close = source.indexOf('}', index + 2);
      if (close === -1) throw new FormulaError(start, 'référence de métrique non fermée : « } » manquant');
      const metric = source.slice(index + 2, close);
      if (metric === '') throw new FormulaError(start, 'référence de métrique vide : #{code} attendu');
      if (!METRIC_CODE.test(metric)) throw new FormulaError(index + 2, `code de métrique invalide « ${metric} » (lettres, chiffres, _ . - seulement)`);
      index = close + 1;
      tokens.push({ kind: 'ref', metric, position: start, text: source.slice(start, index) });
      continue;
    }
    if (isIdentifierStart(char)) {
      while (isIdentifierPart(source[index] ?? '')) index += 1;
      const name = source.slice(start, index);
      tokens.push({ kind: 'identifier', name, position: start, text: name });
      continue;
    }
    const pair = source.slice(index, index + 2);
    if (pair === '<=' || pair === '>=' || pair === '==' || pair === '!=') {
      index += 2;
      tokens.push({ kind: 'comparison', operator: pair, position: start, text: pair });
      continue;
    }
    if (char === '<' || char === '>') {
      index += 1;
      tokens.push({ kind: 'comparison', operator: char, position: start, text: char });
      continue;
    }
    if (char === '=') throw new FormulaError(start, 'opérateur « = » inconnu : utiliser « == » pour comparer');
    if (isSymbol(char)) {
      index += 1;
      tokens.push({ kind: 'symbol', symbol: char, position: start, text: char });
      continue;
    }
    throw new FormulaError(start, `caractère inattendu « ${char} »`);
  }
  tokens.push({ kind: 'end', position: source.length, text: '' });
  return tokens;
};
