import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Class = new (...args: never[]) => object;

/** The JSON Schema subset the contract uses for request bodies and query strings. */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  /** The class-validator rules of the property, by name (custom ones included: `decimalInput`, `isFundingShares`…). */
  'x-validators'?: string[];
}

const STRING_RULES = new Set([
  'isString',
  'isEmail',
  'isUuid',
  'isUUID',
  'matches',
  'minLength',
  'maxLength',
  'isNotEmpty',
  'isDateString',
  'isISO8601',
  'isUrl',
  'isURL',
  'isDecimal',
]);
const TYPE_RULES: Record<string, JsonSchema['type']> = { isInt: 'integer', isNumber: 'number', isBoolean: 'boolean', isArray: 'array', isObject: 'object' };
const DESIGN_TYPES = new Map<unknown, JsonSchema['type']>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
  [Array, 'array'],
]);

const ruleName = (m: ValidationMetadata): string => m.name ?? m.type;

/**
 * A DTO class as a JSON Schema object, from its class-validator metadata (the whitelist the API's ValidationPipe
 * applies, `forbidNonWhitelisted`): one property per validated field, required unless `@IsOptional()`. Nested DTOs
 * are added to `schemas` under their class name and referenced.
 */
export const dtoSchema = (dto: Class, schemas: Record<string, JsonSchema>): JsonSchema => {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  }
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, rules] of byProperty) {
    const names = rules.map(ruleName);
    const schema: JsonSchema = {};
    const typed = names.map((n) => TYPE_RULES[n]).find((t) => t !== undefined);
    const designType = DESIGN_TYPES.get(Reflect.getMetadata('design:type', dto.prototype, name));
    const type = typed ?? (names.some((n) => STRING_RULES.has(n)) ? 'string' : designType);
    const each = rules.some((m) => m.each === true);
    const nested = rules.find((m) => m.type === 'nestedValidation');
    const nestedClass = nested ? (Reflect.getMetadata('design:type', dto.prototype, name) as unknown) : undefined;
    if (typeof nestedClass === 'function' && nestedClass !== Object && nestedClass !== Array) {
      const nestedName = nestedClass.name;
      if (!(nestedName in schemas)) schemas[nestedName] = dtoSchema(nestedClass as Class, schemas);
      schema.$ref = `#/components/schemas/${nestedName}`;
    } else if (type !== undefined) {
      schema.type = type;
    }
    const isIn = rules.find((m) => ruleName(m) === 'isIn');
    const enumValues = isIn ? (isIn.constraints[0] as unknown[]) : undefined;
    const min = rules.find((m) => ruleName(m) === 'min');
    const max = rules.find((m) => ruleName(m) === 'max');
    const scalar: JsonSchema = {
      ...(enumValues ? { enum: [...enumValues] } : {}),
      ...(min ? { minimum: Number(min.constraints[0]) } : {}),
      ...(max ? { maximum: Number(max.constraints[0]) } : {}),
    };
    const validators = [...new Set(names.filter((n) => n !== 'isOptional'))].sort();
    const property: JsonSchema = each && schema.type === 'array' ? { type: 'array', items: scalar } : { ...schema, ...scalar };
    properties[name] = { ...property, ...(validators.length > 0 ? { 'x-validators': validators } : {}) };
    if (!rules.some((m) => m.type === 'conditionalValidation')) required.push(name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
};
