import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC } from '../../apps/api/src/tenancy/public.decorator';
import { REQUIRED_ROLES } from '../../apps/api/src/tenancy/roles.decorator';
import type { Role } from '../../apps/api/src/tenancy/role-assignment.entity';

export interface RouteInfo {
  /** `GET /api/figures/:id` */
  key: string;
  method: string;
  path: string;
  isPublic: boolean;
  roles: Role[] | null;
  /** The controller method, to read its parameters' metadata (the body DTO). */
  handler: unknown;
}

const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .join('/')}`;

/** Every HTTP route of the application, read from Nest's own metadata: a new endpoint cannot escape the matrix. */
export const routeTable = (app: INestApplication): RouteInfo[] => {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
      const classRoles = (Reflect.getMetadata(REQUIRED_ROLES, controller) as Role[] | undefined) ?? null;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const p of Array.isArray(path) ? path : [path]) {
          const full = join('api', base, p);
          routes.push({
            key: `${method} ${full}`,
            method,
            path: full,
            isPublic: classPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true,
            roles: (Reflect.getMetadata(REQUIRED_ROLES, handler) as Role[] | undefined) ?? classRoles,
            handler,
          });
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
};
