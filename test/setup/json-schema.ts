/**
 * A small, strict JSON Schema validator for the response schemas of libs/contracts/openapi.json (the subset
 * apps/api/src/contracts/response-schemas.ts writes: type, format, enum, items, prefixItems, min/maxItems, properties,
 * required, additionalProperties, anyOf, $ref to `#/components/schemas/…`). A keyword it does not know throws rather
 * than being ignored: a schema it cannot check is not a schema that passed.
 */
export interface Schema {
  [keyword: string]: unknown;
}

const ANNOTATIONS = new Set(['description', 'x-typescript-type', 'x-validators']);
const KEYWORDS = new Set([
  'type',
  'format',
  'enum',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'additionalProperties',
  'anyOf',
  '$ref',
]);

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Every way `value` breaks `schema` (empty: valid), each with its JSON path: `$.items[0].label : attendu string, reçu null`. */
export const schemaErrors = (value: unknown, schema: Schema, components: Record<string, Schema>, path = '$'): string[] => {
  for (const keyword of Object.keys(schema)) {
    if (!KEYWORDS.has(keyword) && !ANNOTATIONS.has(keyword)) throw new Error(`mot-clé de schéma inconnu du validateur : ${keyword} (${path})`);
  }
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (!target) throw new Error(`schéma introuvable : ${schema.$ref}`);
    return schemaErrors(value, target, components, path);
  }
  if (Array.isArray(schema.anyOf)) {
    const each = (schema.anyOf as Schema[]).map((s) => schemaErrors(value, s, components, path));
    if (each.some((errors) => errors.length === 0)) return [];
    return [`${path} : ne correspond à aucune des ${each.length} formes (${each.map((e) => e[0]).join(' | ')})`];
  }
  const errors: string[] = [];
  const actual = typeOf(value);
  if (typeof schema.type === 'string') {
    const ok = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!ok) return [`${path} : attendu ${schema.type}, reçu ${actual}`];
  }
  if (schema.format === 'date-time' && !(typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))) {
    errors.push(`${path} : date ISO attendue, reçu ${JSON.stringify(value)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path} : ${JSON.stringify(value)} hors de ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path} : au moins ${schema.minItems} éléments`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${path} : au plus ${schema.maxItems} éléments`);
    const prefix = (schema.prefixItems as Schema[] | undefined) ?? [];
    value.forEach((item, i) => {
      const itemSchema = prefix[i] ?? (schema.items as Schema | undefined);
      if (itemSchema) errors.push(...schemaErrors(item, itemSchema, components, `${path}[${i}]`));
    });
  }
  if (actual === 'object') {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in record)) errors.push(`${path} : propriété ${key} manquante`);
    }
    for (const [key, item] of Object.entries(record)) {
      const known = properties[key];
      if (known) errors.push(...schemaErrors(item, known, components, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path} : propriété ${key} non déclarée`);
      else if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) {
        errors.push(...schemaErrors(item, schema.additionalProperties as Schema, components, `${path}.${key}`));
      }
    }
  }
  return errors;
};
