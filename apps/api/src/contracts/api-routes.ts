import { RequestMethod } from '@nestjs/common';
import {
  HEADERS_METADATA,
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  MODULE_METADATA,
  PATH_METADATA,
  RESPONSE_PASSTHROUGH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { OPERATOR_ONLY } from '../operations/operator-only';
import { IS_PUBLIC } from '../tenancy/public.decorator';
import { REQUIRED_ROLES } from '../tenancy/roles.decorator';
import type { Role } from '../tenancy/role-assignment.entity';

/** @nestjs/swagger's metadata keys (its `dist/constants` is not an exported path). */
const API_OPERATION = 'swagger/apiOperation';
const API_TAGS = 'swagger/apiUseTags';

type Class = new (...args: never[]) => object;

/**
 * Who may call a route: no authentication, any member of the organisation, only some roles, or only the instance's
 * operators (`@OperatorOnly()`, « opérateur de la plateforme », whatever their role).
 */
export type RouteAccess = 'public' | 'member' | 'operator' | Role[];

/** One HTTP route of the API, read from Nest's metadata (no application, no database). */
export interface ApiRoute {
  /** `GET /api/figures/:id` */
  key: string;
  method: string;
  path: string;
  access: RouteAccess;
  summary: string | null;
  tags: string[];
  controller: string;
  handler: string;
  /** The controller method itself, to read more of its metadata (tests). */
  handlerRef: unknown;
  /** The @Body() DTO class, and the @Query() DTO class, when the handler takes one. */
  body: Class | null;
  query: Class | null;
  /** The handler writes the answer itself (`@Res()` without passthrough): a file or a page, not JSON. */
  writesResponse: boolean;
  /** The media type `@Header('Content-Type', …)` sets (`text/html`), without parameters; null: JSON. */
  contentType: string | null;
  /** The status Nest answers on success: `@HttpCode(…)`, else 201 for a POST and 200 otherwise. */
  status: number;
}

/** Nest's own rule for the status of a successful answer (RouterResponseController): `@HttpCode()` first. */
const successStatus = (method: string, handler: unknown): number => {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, handler as object) as number | undefined;
  return declared ?? (method === 'POST' ? 201 : 200);
};

interface DynamicModuleLike {
  module: Class;
  imports?: unknown[];
  controllers?: Class[];
}

const isDynamic = (m: unknown): m is DynamicModuleLike => typeof m === 'object' && m !== null && 'module' in m;

/** Every controller class reachable from a root module, in import order (dynamic modules included). */
export const controllersOf = (root: Class): Class[] => {
  const seen = new Set<unknown>();
  const controllers: Class[] = [];
  const visit = (entry: unknown): void => {
    if (entry === undefined || entry === null || seen.has(entry)) return;
    seen.add(entry);
    const moduleClass = isDynamic(entry) ? entry.module : (entry as Class);
    const imports = [
      ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) as unknown[] | undefined) ?? []),
      ...(isDynamic(entry) ? (entry.imports ?? []) : []),
    ];
    const own = [
      ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass) as Class[] | undefined) ?? []),
      ...(isDynamic(entry) ? (entry.controllers ?? []) : []),
    ];
    for (const c of own) if (!controllers.includes(c)) controllers.push(c);
    for (const i of imports) visit(i);
  };
  visit(root);
  return controllers;
};

const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .join('/')}`;

type RouteArgs = Record<string, { index: number; data?: unknown }>;

/** The class of a whole-object @Body() or @Query() parameter of a handler, if any. */
const argumentClass = (controller: Class, name: string, kind: RouteParamtypes): Class | null => {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as RouteArgs;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
  const arg = Object.entries(args).find(([key, a]) => key.split(':')[0] === String(kind) && a.data === undefined);
  const type = arg ? types[arg[1].index] : undefined;
  return typeof type === 'function' && type !== Object ? (type as Class) : null;
};

/** Whether a handler takes a parameter of this kind (`@Res()`, `@Body()`…). */
const takesArgument = (controller: Class, name: string, kind: RouteParamtypes): boolean =>
  Object.keys((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as RouteArgs).some((key) => key.split(':')[0] === String(kind));

/**
 * The method names of a controller, its own and those it inherits (a controller extending the platform's
 * `crudController(…)` class), the nearest first.
 */
const handlerNames = (controller: Class): string[] => {
  const names: string[] = [];
  for (let proto: object | null = controller.prototype; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) if (!names.includes(name)) names.push(name);
  }
  return names;
};

/** Every route of the given controllers, sorted by key. */
export const apiRoutes = (controllers: readonly Class[]): ApiRoute[] => {
  const routes: ApiRoute[] = [];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
    const classRoles = (Reflect.getMetadata(REQUIRED_ROLES, controller) as Role[] | undefined) ?? null;
    const classOperator = Reflect.getMetadata(OPERATOR_ONLY, controller) === true;
    const classTags = (Reflect.getMetadata(API_TAGS, controller) as string[] | undefined) ?? [];
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of handlerNames(controller)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const roles = (Reflect.getMetadata(REQUIRED_ROLES, handler) as Role[] | undefined) ?? classRoles;
      const isPublic = classPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true;
      const operatorOnly = classOperator || Reflect.getMetadata(OPERATOR_ONLY, handler) === true;
      const operation = Reflect.getMetadata(API_OPERATION, handler) as { summary?: string } | undefined;
      const headers = (Reflect.getMetadata(HEADERS_METADATA, handler) as Array<{ name: string; value: string }> | undefined) ?? [];
      const contentType =
        headers
          .find((h) => h.name.toLowerCase() === 'content-type')
          ?.value.split(';')[0]
          .trim() ?? null;
      for (const p of Array.isArray(path) ? path : [path]) {
        const full = join('api', base, p);
        routes.push({
          key: `${method} ${full}`,
          method,
          path: full,
          access: isPublic ? 'public' : operatorOnly ? 'operator' : roles === null ? 'member' : [...roles],
          summary: operation?.summary ?? null,
          tags: classTags,
          controller: controller.name,
          handler: name,
          handlerRef: handler,
          body: argumentClass(controller, name, RouteParamtypes.BODY),
          query: argumentClass(controller, name, RouteParamtypes.QUERY),
          writesResponse:
            takesArgument(controller, name, RouteParamtypes.RESPONSE) && Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, controller, name) !== true,
          contentType,
          status: successStatus(method, handler),
        });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
};
