import type { ApiRoute, RouteAccess } from './api-routes';
import { reservedTo } from '../tenancy/role-names';
import { dtoSchema, JsonSchema } from './dto-schema';
import type { ResponseSchemas } from './response-schemas';

/** What libs/contracts holds, generated from the API's code: the OpenAPI document, the role policy, the writable fields. */
export interface Contract {
  openapi: Record<string, unknown>;
  /** `GET /api/figures/:id` → who may call it. */
  routePolicy: Record<string, RouteAccess>;
  /**
   * A resource → the fields its POST / PUT body writes (the DTO's validated fields), `id` excepted (it is in the path),
   * and read-only fields the DTO only tolerates (`@IsOptional()` alone) left out.
   */
  writableFields: Record<string, string[]>;
  /** A resource → those of its writable fields that are integers (`@IsInt()`): a form's text is sent as a number. */
  integerFields: Record<string, string[]>;
}

interface Operation {
  operationId: string;
  summary?: string;
  tags?: string[];
  'x-levier-access': RouteAccess;
  /** The same in words, for a reader of the document. */
  'x-levier-access-label': string;
  parameters?: Array<Record<string, unknown>>;
  requestBody?: Record<string, unknown>;
  responses: Record<string, unknown>;
}

/** « opérateur de la plateforme », « réservé aux directions financières et aux administrateurs de la méthodologie »… */
const accessInWords = (access: RouteAccess): string => {
  if (access === 'public') return 'public, sans authentification';
  if (access === 'member') return 'tout membre de l’organisation';
  if (access === 'operator') return 'opérateur de la plateforme';
  return `réservé ${reservedTo(access)}`;
};

const openApiPath = (path: string): string => path.replace(/:([A-Za-z]+)/g, '{$1}');
const pathParameters = (path: string): string[] => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);

/** The resource of a collection write (`POST /api/unit-costs`, `PUT /api/unit-costs/:id`), or null. */
const writeResource = (route: ApiRoute): string | null => {
  const m = route.method === 'POST' ? /^\/api\/([a-z-]+)$/.exec(route.path) : route.method === 'PUT' ? /^\/api\/([a-z-]+)\/:id$/.exec(route.path) : null;
  return m ? m[1] : null;
};

const bySortedKey = (sets: Record<string, Set<string>>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(sets)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, values]) => [key, [...values]]),
  );

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The contract of the given routes. `responses` holds what each handler declares it answers (see response-schemas.ts):
 * the TypeScript type of libs/contracts, of the engine or of the API's mappers, as its text and as JSON Schema; the
 * named types among them are components of the document, beside the request DTOs.
 */
export const buildContract = (routes: readonly ApiRoute[], responses: ResponseSchemas, version: string): Contract => {
  const schemas: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, Operation>> = {};
  const routePolicy: Record<string, RouteAccess> = {};
  const writable: Record<string, Set<string>> = {};
  const integers: Record<string, Set<string>> = {};
  for (const route of routes) {
    routePolicy[route.key] = route.access;
    const parameters: Array<Record<string, unknown>> = pathParameters(route.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.query) {
      const query = dtoSchema(route.query, schemas);
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: (query.required ?? []).includes(name), schema });
      }
    }
    let requestBody: Record<string, unknown> | undefined;
    if (route.body) {
      if (!(route.body.name in schemas)) schemas[route.body.name] = dtoSchema(route.body, schemas);
      requestBody = { required: true, content: { 'application/json': { schema: schemaRef(route.body.name) } } };
      const resource = writeResource(route);
      if (resource !== null) {
        const fields = (writable[resource] ??= new Set());
        const integerFields = (integers[resource] ??= new Set());
        // a field with no rule but @IsOptional() is a read-only field of the record, accepted and ignored
        for (const [field, schema] of Object.entries(schemas[route.body.name].properties ?? {})) {
          if (field === 'id' || !schema['x-validators']) continue;
          fields.add(field);
          if (schema.type === 'integer') integerFields.add(field);
        }
      }
    }
    const typed = responses.byHandler.get(route.controller)?.get(route.handler);
    // a handler that writes the answer itself sends a file (PDF, HTML, CSV, XLSX) or a page: no JSON type to name
    const declared = route.writesResponse && (typed === undefined || typed.schema === null) ? undefined : typed;
    const file = declared?.text === 'StreamableFile';
    const operation: Operation = {
      operationId: `${route.controller}.${route.handler}`,
      ...(route.summary ? { summary: route.summary } : {}),
      ...(route.tags.length > 0 ? { tags: route.tags } : {}),
      'x-levier-access': route.access,
      'x-levier-access-label': accessInWords(route.access),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: {
        [String(route.status)]: {
          description: file ? 'fichier' : (declared?.text ?? (route.writesResponse ? 'fichier ou page écrits par le contrôleur' : 'réponse non typée')),
          ...(file
            ? { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
            : declared?.schema
              ? { content: { [route.contentType ?? 'application/json']: { schema: { ...declared.schema, 'x-typescript-type': declared.text } } } }
              : {}),
        },
      },
    };
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation;
  }
  for (const [name, schema] of Object.entries(responses.components)) {
    if (name in schemas) throw new Error(`contrat : ${name} est à la fois un DTO de requête et un type de réponse ; renommez l’un des deux.`);
    schemas[name] = schema as JsonSchema;
  }
  const sortedSchemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Levier API', version, description: 'Generated from the API code by `npm run build` (apps/api/src/contracts). Do not edit.' },
      paths,
      components: {
        schemas: sortedSchemas,
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
    routePolicy,
    writableFields: bySortedKey(writable),
    integerFields: bySortedKey(integers),
  };
};
