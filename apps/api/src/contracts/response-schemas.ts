import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** The JSON Schema (2020-12, OpenAPI 3.1) subset a response type is written in. */
export interface ResponseSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';
  format?: 'date-time' | 'binary';
  enum?: Array<string | number | boolean>;
  items?: ResponseSchema;
  prefixItems?: ResponseSchema[];
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, ResponseSchema>;
  required?: string[];
  additionalProperties?: boolean | ResponseSchema;
  anyOf?: ResponseSchema[];
  $ref?: string;
  description?: string;
}

/** What a controller method answers: its declared type's text, and that type as JSON Schema (null: no body, `void`). */
export interface DeclaredResponse {
  text: string;
  schema: ResponseSchema | null;
}

export interface ResponseSchemas {
  /** controller class name → method name → its declared response. Methods without a declared return type are absent. */
  byHandler: Map<string, Map<string, DeclaredResponse>>;
  /** The named types the schemas refer to (`#/components/schemas/<name>`), sorted by name. */
  components: Record<string, ResponseSchema>;
}

const controllerFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return controllerFiles(path);
    return entry.name.endsWith('.controller.ts') ? [path] : [];
  });

/** The repository's compiler options (tsconfig.json next to package.json: paths of @levier/*). */
const compilerOptions = (root: string): ts.CompilerOptions => {
  const file = join(root, 'tsconfig.json');
  const read = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(file));
  return { ...parsed.options, noEmit: true, types: ['node'] };
};

/** Where libs/contracts declares `Integer` and its brand. */
const INTEGER_BRAND_FILE = /libs\/contracts\/src\/integer\.ts$/;

const sortKeys = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/**
 * JSON Schemas of the response types the controllers declare (`summary(…): Promise<IndicatorSummary>`), written by the
 * TypeScript compiler's own reading of those types (the types of libs/contracts, of the engine and of the API's mappers):
 * what `JSON.stringify` makes of a value of that type. A named interface or alias becomes a component referenced by
 * `$ref`; an optional property (or one that may be `undefined`) is not required; an object without an index signature
 * allows no other property (the mapper writes exactly its type's fields); `toJSON` is followed (a Date is an ISO
 * string, a Decimal a string); methods are left out; `unknown` is any JSON value (`{}`). A type it cannot describe
 * (`any`, a function) throws: the contract would say nothing.
 */
export const responseSchemas = (root: string, sourceRoot = join(root, 'apps/api/src')): ResponseSchemas => {
  const files = controllerFiles(sourceRoot).sort();
  const program = ts.createProgram(files, compilerOptions(root));
  const checker = program.getTypeChecker();
  const components: Record<string, ResponseSchema> = {};
  /** Each named type's component name (two types of one name in different files get `Name2`…). */
  const names = new Map<ts.Symbol | ts.Type, string>();

  const isCallable = (type: ts.Type): boolean => type.getCallSignatures().length > 0;

  const describe = (symbol: ts.Symbol): string => ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim();

  /** The name a type is published under, or null for an anonymous or generic-instance type (written inline). */
  const componentName = (type: ts.Type): { key: ts.Symbol; name: string; symbol: ts.Symbol } | null => {
    const alias = type.aliasSymbol;
    if (alias && (type.aliasTypeArguments ?? []).length === 0) return { key: alias, name: alias.name, symbol: alias };
    const symbol = type.getSymbol();
    if (!symbol || alias) return null;
    if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))) return null;
    const objectFlags = (type as ts.ObjectType).objectFlags ?? 0;
    const generic =
      objectFlags & ts.ObjectFlags.Reference && checker.getTypeArguments(type as ts.TypeReference).some((t) => !(t as { isThisType?: boolean }).isThisType);
    if (generic) return null;
    return { key: symbol, name: symbol.name, symbol };
  };

  const uniqueName = (key: ts.Symbol, name: string): string => {
    const known = names.get(key);
    if (known) return known;
    const taken = new Set(names.values());
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
    names.set(key, candidate);
    return candidate;
  };

  const literalUnion = (members: ts.Type[]): ResponseSchema | null => {
    if (members.length === 0 || !members.every((m) => m.isStringLiteral() || m.isNumberLiteral() || m.flags & ts.TypeFlags.BooleanLiteral)) return null;
    const values = members.map((m) => (m.isLiteral() ? (m.value as string | number) : checker.typeToString(m) === 'true'));
    const kinds = new Set(values.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v)));
    const type = kinds.size === 1 ? [...kinds][0] : kinds.size === 2 && kinds.has('integer') && kinds.has('number') ? 'number' : undefined;
    if (type === undefined) return null;
    if (type === 'boolean' && values.length === 2) return { type: 'boolean' };
    return { type: type as ResponseSchema['type'], enum: values };
  };

  const where = (path: string): string => (path ? ` (${path})` : '');

  /**
   * `Integer` of libs/contracts (`number` branded by a property of a symbol declared in its integer.ts): a number the
   * API only answers whole. Read from the brand's declaration, so an alias or a mapped type (`Omit`, `Partial`) of it
   * stays an integer.
   */
  const isInteger = (type: ts.Type): boolean =>
    type.isIntersection() &&
    type.types.some((t) => t.flags & ts.TypeFlags.Number) &&
    type.types.some((t) =>
      checker.getPropertiesOfType(t).some((p) => (p.declarations ?? []).some((d) => INTEGER_BRAND_FILE.test(d.getSourceFile().fileName.replace(/\\/g, '/')))),
    );

  const toSchema = (type: ts.Type, path: string): ResponseSchema => {
    const f = type.flags;
    if (f & ts.TypeFlags.Any) throw new Error(`type de réponse non descriptible : ${checker.typeToString(type)}${where(path)}`);
    if (f & ts.TypeFlags.Unknown) return {}; // declared as any JSON value (an audit row's copies)
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (f & ts.TypeFlags.StringLike && !(f & ts.TypeFlags.StringLiteral)) return { type: 'string' };
    if (f & ts.TypeFlags.NumberLike && !(f & (ts.TypeFlags.NumberLiteral | ts.TypeFlags.EnumLiteral | ts.TypeFlags.Enum))) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral)) return literalUnion([type]) ?? {};
    if (type.isUnion()) return unionSchema(type.types, path);
    if (isInteger(type)) return { type: 'integer' };
    const json = toJsonSchema(type, path);
    if (json) return json;
    const named = componentName(type);
    if (named) {
      const name = uniqueName(named.key, named.name);
      if (!(name in components)) {
        components[name] = {}; // placeholder: a recursive type refers to itself
        const schema = objectSchema(type, name);
        const description = describe(named.symbol);
        components[name] = description && !schema.$ref ? { description, ...schema } : schema;
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    return objectSchema(type, path);
  };

  const unionSchema = (types: readonly ts.Type[], path: string): ResponseSchema => {
    const members = types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const literals = members.filter((m) => m.isStringLiteral() || m.isNumberLiteral() || m.flags & ts.TypeFlags.BooleanLiteral);
    const others = members.filter((m) => !literals.includes(m));
    const parts: ResponseSchema[] = [];
    // `true | false` and `'a' | 'b'` are one schema each (literals of one kind), not a list of constants
    const byKind = new Map<string, ts.Type[]>();
    for (const l of literals) {
      const kind = l.isStringLiteral() ? 'string' : l.isNumberLiteral() ? 'number' : 'boolean';
      byKind.set(kind, [...(byKind.get(kind) ?? []), l]);
    }
    for (const group of byKind.values()) parts.push(literalUnion(group) ?? {});
    for (const o of others) parts.push(toSchema(o, path));
    const nullable = parts.findIndex((p) => p.type === 'null' && Object.keys(p).length === 1);
    if (parts.length === 1) return parts[0];
    // `T | null` of a simple type: `type: [T, 'null']` reads better, but 2020-12 validators all know anyOf: keep one form
    if (nullable >= 0 && parts.length === 2) return { anyOf: [...parts.filter((_, i) => i !== nullable), { type: 'null' }] };
    return { anyOf: parts };
  };

  /** What `JSON.stringify` writes for a value with a `toJSON()` (a Date: an ISO string; a Decimal: a string), or null. */
  const toJsonSchema = (type: ts.Type, path: string): ResponseSchema | null => {
    const toJson = type.getProperty('toJSON');
    const signatures = toJson ? checker.getTypeOfSymbol(toJson).getCallSignatures() : [];
    if (signatures.length === 0) return null;
    const schema = toSchema(checker.getReturnTypeOfSignature(signatures[0]), `${path}.toJSON()`);
    return type.getSymbol()?.name === 'Date' ? { ...schema, format: 'date-time' } : schema;
  };

  const objectSchema = (type: ts.Type, path: string): ResponseSchema => {
    if (checker.isTupleType(type)) {
      const elements = checker.getTypeArguments(type as ts.TypeReference).map((t, i) => toSchema(t, `${path}[${i}]`));
      return { type: 'array', prefixItems: elements, minItems: elements.length, maxItems: elements.length };
    }
    if (checker.isArrayType(type)) {
      return { type: 'array', items: toSchema(checker.getTypeArguments(type as ts.TypeReference)[0], `${path}[]`) };
    }
    if (isCallable(type)) throw new Error(`type de réponse non descriptible : une fonction${where(path)}`);
    if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) {
      throw new Error(`type de réponse non descriptible : ${checker.typeToString(type)}${where(path)}`);
    }
    const properties: Record<string, ResponseSchema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const propertyType = checker.getTypeOfSymbol(property);
      if (property.flags & ts.SymbolFlags.Method || isCallable(propertyType)) continue; // JSON.stringify leaves functions out
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (declaration && ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      const mayBeUndefined = propertyType.isUnion() && propertyType.types.some((t) => t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void));
      const schema = toSchema(propertyType, `${path}.${property.name}`);
      const description = describe(property);
      properties[property.name] = description && !schema.$ref ? { description, ...schema } : schema;
      if (!(property.flags & ts.SymbolFlags.Optional) && !mayBeUndefined) required.push(property.name);
    }
    const index = checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & (ts.TypeFlags.String | ts.TypeFlags.Number));
    return {
      type: 'object',
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: index ? toSchema(index.type, `${path}[clé]`) : false,
    };
  };

  const unwrap = (type: ts.Type): ts.Type => {
    const symbol = type.getSymbol();
    if (symbol?.name === 'Promise') return checker.getTypeArguments(type as ts.TypeReference)[0] ?? type;
    return type;
  };

  /**
   * The methods a controller inherits (`extends crudController({ records: BudgetTransfersService, … })`), with the
   * return types the compiler gives them in this subclass (`Promise<BudgetTransferResponse[]>`); its own methods win.
   */
  const inheritedResponses = (statement: ts.ClassDeclaration, methods: Map<string, DeclaredResponse>): void => {
    if (!statement.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)) return;
    const instance = checker.getTypeAtLocation(statement);
    for (const property of checker.getPropertiesOfType(instance)) {
      if (methods.has(property.name) || !(property.flags & ts.SymbolFlags.Method)) continue;
      const signature = checker.getTypeOfSymbolAtLocation(property, statement).getCallSignatures()[0];
      if (signature === undefined) continue;
      const returned = checker.getReturnTypeOfSignature(signature);
      const type = unwrap(returned);
      const text = checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
      const noBody = type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined) || type.getSymbol()?.name === 'StreamableFile';
      methods.set(property.name, { text, schema: noBody ? null : toSchema(type, `${statement.name?.text}.${property.name}`) });
    }
  };

  const byHandler = new Map<string, Map<string, DeclaredResponse>>();
  const subclasses: Array<[ts.ClassDeclaration, Map<string, DeclaredResponse>]> = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || statement.name === undefined) continue;
      const methods = new Map<string, DeclaredResponse>();
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || member.type === undefined || !ts.isIdentifier(member.name)) continue;
        const text = member.type
          .getText(source)
          .replace(/\s+/g, ' ')
          .replace(/^Promise<([\s\S]*)>$/, '$1')
          .trim();
        const type = unwrap(checker.getTypeFromTypeNode(member.type));
        const at = `${statement.name.text}.${member.name.text}`;
        const noBody = type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined) || type.getSymbol()?.name === 'StreamableFile';
        methods.set(member.name.text, { text, schema: noBody ? null : toSchema(type, at) });
      }
      byHandler.set(statement.name.text, methods);
      subclasses.push([statement, methods]);
    }
  }
  // after every declared type: the types the compiler makes for the inherited ones come last (a union's member order
  // follows the order its types were made in)
  for (const [statement, methods] of subclasses) inheritedResponses(statement, methods);
  return { byHandler, components: sortKeys(components) };
};
