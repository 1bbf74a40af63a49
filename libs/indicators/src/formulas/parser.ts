import { FormulaError } from './formula-error';
import { AggregateFunction, FormulaCondition, FormulaNode } from './formula.types';
import { Token, tokenize } from './tokenizer';

/** Nesting deeper than this is refused (a FormulaError, not a stack overflow). */
export const MAX_FORMULA_DEPTH = 64;

const AGGREGATES: readonly AggregateFunction[] = ['sum', 'min', 'max'];
const FUNCTIONS = 'sum, min, max, if, isMissing';

const describe = (token: Token): string => (token.kind === 'end' ? 'la fin de la formule' : `« ${token.text} »`);

/**
 * Recursive-descent parser of the custom-indicator language (docs/methodology.md#custom-indicators-targets-alerts):
 *
 *   formula   := expr END
 *   expr      := term (("+" | "-") term)*
 *   term      := unary (("*" | "/") unary)*
 *   unary     := ("-" | "+") unary | primary
 *   primary   := NUMBER | "#{" metric "}" | "(" expr ")" | fn "(" args ")"
 *   fn        := sum(expr, …) | min(expr, …) | max(expr, …) | if(condition, expr, expr)
 *   condition := isMissing(expr) | expr ("<" | "<=" | ">" | ">=" | "==" | "!=") expr
 *
 * Comparisons and isMissing exist only as the condition of `if`. Throws FormulaError (position + French reason).
 */
class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseFormula(): FormulaNode {
    const node = this.expression();
    const next = this.peek();
    if (next.kind === 'comparison')
      throw new FormulaError(next.position, `comparaison « ${next.text} » admise seulement dans la condition de if(condition, alors, sinon)`);
    if (next.kind !== 'end') throw new FormulaError(next.position, `${describe(next)} inattendu : opérateur ou fin de formule attendu`);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private advance(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private isSymbol(symbol: string): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.symbol === symbol;
  }

  private expect(symbol: ')' | '(' | ',', what: string): void {
    const token = this.peek();
    if (token.kind === 'symbol' && token.symbol === symbol) {
      this.advance();
      return;
    }
    throw new FormulaError(token.position, `${what} attendu, trouvé ${describe(token)}`);
  }

  private nested<T>(position: number, parse: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_FORMULA_DEPTH) throw new FormulaError(position, `formule trop imbriquée (plus de ${MAX_FORMULA_DEPTH} niveaux)`);
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  private expression(): FormulaNode {
    return this.nested(this.peek().position, () => {
      let left = this.term();
      for (let token = this.peek(); token.kind === 'symbol' && (token.symbol === '+' || token.symbol === '-'); token = this.peek()) {
        this.advance();
        left = { kind: 'binary', operator: token.symbol, left, right: this.term(), position: token.position };
      }
      return left;
    });
  }

  private term(): FormulaNode {
    let left = this.unary();
    for (let token = this.peek(); token.kind === 'symbol' && (token.symbol === '*' || token.symbol === '/'); token = this.peek()) {
      this.advance();
      left = { kind: 'binary', operator: token.symbol, left, right: this.unary(), position: token.position };
    }
    return left;
  }

  private unary(): FormulaNode {
    const token = this.peek();
    if (token.kind === 'symbol' && (token.symbol === '-' || token.symbol === '+')) {
      this.advance();
      const operand = this.nested(token.position, () => this.unary());
      return token.symbol === '-' ? { kind: 'negate', operand, position: token.position } : operand;
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const token = this.advance();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value, position: token.position };
      case 'ref':
        return { kind: 'ref', metric: token.metric, position: token.position };
      case 'identifier':
        return this.call(token.name, token.position);
      case 'symbol':
        if (token.symbol === '(') {
          const inner = this.expression();
          this.expect(')', 'parenthèse fermante « ) »');
          return inner;
        }
        throw new FormulaError(token.position, `${describe(token)} inattendu : nombre, #{métrique}, fonction ou « ( » attendu`);
      case 'comparison':
      case 'end':
        throw new FormulaError(token.position, `${describe(token)} inattendu : nombre, #{métrique}, fonction ou « ( » attendu`);
    }
  }

  private call(name: string, position: number): FormulaNode {
    if (name === 'isMissing') throw new FormulaError(position, "isMissing(x) donne une condition : l'employer dans if(isMissing(x), alors, sinon)");
    const aggregate = AGGREGATES.find((candidate) => candidate === name);
    if (aggregate === undefined && name !== 'if') throw new FormulaError(position, `fonction inconnue « ${name} » (fonctions : ${FUNCTIONS})`);
    this.expect('(', `« ( » après ${name}`);
    if (aggregate !== undefined) {
      if (this.isSymbol(')')) throw new FormulaError(this.peek().position, `${name}(…) demande au moins un argument`);
      const args = [this.expression()];
      while (this.isSymbol(',')) {
        this.advance();
        args.push(this.expression());
      }
      this.expect(')', `« , » ou « ) » dans ${name}(…)`);
      return { kind: 'call', fn: aggregate, args, position };
    }
    const condition = this.condition();
    this.expect(',', 'if(condition, alors, sinon) : « , » après la condition');
    const then = this.expression();
    this.expect(',', 'if(condition, alors, sinon) : « , » après la valeur « alors »');
    const otherwise = this.expression();
    this.expect(')', 'if(condition, alors, sinon) : « ) » après la valeur « sinon »');
    return { kind: 'if', condition, then, otherwise, position };
  }

  private condition(): FormulaCondition {
    const token = this.peek();
    if (token.kind === 'identifier' && token.name === 'isMissing') {
      this.advance();
      this.expect('(', '« ( » après isMissing');
      const operand = this.expression();
      this.expect(')', "« ) » après l'argument de isMissing");
      return { kind: 'isMissing', operand, position: token.position };
    }
    const left = this.expression();
    const operator = this.peek();
    if (operator.kind !== 'comparison')
      throw new FormulaError(
        operator.position,
        `comparaison attendue dans la condition de if (<, <=, >, >=, ==, != ou isMissing(x)), trouvé ${describe(operator)}`,
      );
    this.advance();
    return { kind: 'compare', operator: operator.operator, left, right: this.expression(), position: operator.position };
  }
}

/** Parses a formula into an AST, or throws a FormulaError (never anything else). */
export const parseFormula = (source: string): FormulaNode => new Parser(tokenize(source)).parseFormula();

export type ParseFormulaResult = { ok: true; formula: FormulaNode } | { ok: false; error: FormulaError };

/** Same as parseFormula, as a result value (for validation endpoints and previews). */
export const tryParseFormula = (source: string): ParseFormulaResult => {
  try {
    return { ok: true, formula: parseFormula(source) };
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, error };
    throw error;
  }
};
