import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { apiRoutes } from '../../apps/api/src/contracts/api-routes';
import type { Role } from '../../apps/api/src/tenancy/role-assignment.entity';

export interface RouteInfo {
  /** `GET /api/figures/:id` */
  key: string;
  method: string;
  path: string;
  isPublic: boolean;
  roles: Role[] | null;
  /** `@OperatorOnly()`: instance operators only, whatever their role. */
  operatorOnly: boolean;
  /** The controller method, to read its parameters' metadata (the body DTO). */
  handler: unknown;
}

type Controller = new (...args: never[]) => object;

/**
 * Every HTTP route of the application, read from Nest's own metadata (the same reading as the generated contract,
 * apps/api/src/contracts/api-routes.ts) over the controllers the application registered: a new endpoint cannot escape
 * the matrix.
 */
export const routeTable = (app: INestApplication): RouteInfo[] => {
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) =>
    [...module.controllers.values()].flatMap((wrapper) => (wrapper.metatype ? [wrapper.metatype as Controller] : [])),
  );
  return apiRoutes(controllers).map((route) => ({
    key: route.key,
    method: route.method,
    path: route.path,
    isPublic: route.access === 'public',
    roles: Array.isArray(route.access) ? [...route.access] : null,
    operatorOnly: route.access === 'operator',
    handler: route.handlerRef,
  }));
};
