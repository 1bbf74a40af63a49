import { applyDecorators, Body, Controller, Delete, Get, Param, Post, Put, Query, Res, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ListQuery, parseListQuery, RawListQuery, setContentRange } from './list-query';

/**
 * One react-admin resource over HTTP (`GET /api/<path>` with `Content-Range`, `GET/PUT/DELETE /api/<path>/:id`,
 * `POST /api/<path>`), served by a feature's records service (the platform's `TenantRecords` fits). A feature
 * declares its controller as a named subclass, which keeps its class name (the contract's operation ids) and may add
 * routes of its own:
 *
 * ```ts
 * @Controller('budget-transfers')
 * export class BudgetTransfersController extends crudController({ path: 'budget-transfers', records: BudgetTransfersService, … }) {}
 * ```
 *
 * A subclass declares no constructor (it has no class decorator, so its parameters' types would not be emitted): its
 * routes reach the records service, typed as given, through `this.records`.
 *
 * Plumbing only: the feature gives everything (its service, DTO classes, sorts, summaries, the decorator naming the
 * caller and the one restricting writes), the platform knows none of them. The request DTO classes are the handlers'
 * `design:paramtypes`, set explicitly (a generic parameter would be emitted as `Object`), so the global ValidationPipe
 * validates and whitelists the body exactly as a hand-written controller's, and the contract generator reads them.
 * The response types are the service's, typed through the returned class: the contract generator reads the
 * subclass's inherited method types with the TypeScript compiler.
 */

/** What a records service serves: a page, one record, and the three writes, each answering the record. */
export interface CrudRecords<R, C, U> {
  list(user: U, query: ListQuery<string>): Promise<{ rows: R[]; total: number }>;
  get(user: U, id: string): Promise<R>;
  create(user: U, body: C): Promise<R>;
  update(user: U, id: string, body: Partial<C>): Promise<R>;
  remove(user: U, id: string): Promise<R>;
}

export interface CrudControllerOptions<S extends CrudRecords<R, C, U>, R, C, U, F extends string> {
  /** The resource's path under /api, also the resource named in `Content-Range` (`budget-transfers`). */
  path: string;
  /** Its OpenAPI tag (`réallocation`). */
  tag: string;
  /** The records service the controller is given (a provider of the feature's module). */
  records: Type<S & CrudRecords<R, C, U>>;
  /** The create and update body classes, validated by the global ValidationPipe. */
  Create: Type<C>;
  Update: Type<Partial<C>>;
  /** The fields a list may be sorted on, and its order without `sort`. */
  sorts: readonly F[];
  defaultSort: { field: NoInfer<F>; order: 'ASC' | 'DESC' };
  /** The operation summaries (OpenAPI), per handler; a handler without one has none. */
  summaries: Partial<Record<CrudHandler, string>>;
  /** The parameter decorator that gives the caller (a 401 when none). */
  user: ParameterDecorator;
  /** The decorator restricting the writes (create, update, remove) to some callers; reads are open to any member. */
  writers: MethodDecorator;
}

export type CrudHandler = 'list' | 'get' | 'create' | 'update' | 'remove';

/** The class a feature's controller extends: the five handlers of one resource, over the given records service. */
export interface CrudController<S extends CrudRecords<R, C, U>, R, C, U> {
  /** The records service, for the routes a subclass adds (`this.records.summary(…)`). */
  readonly records: S;
  list(user: U, raw: RawListQuery, res: Response): Promise<R[]>;
  get(user: U, id: string): Promise<R>;
  create(user: U, dto: C): Promise<R>;
  update(user: U, id: string, dto: Partial<C>): Promise<R>;
  remove(user: U, id: string): Promise<R>;
}

const summary = (text: string | undefined): MethodDecorator => (text === undefined ? applyDecorators() : ApiOperation({ summary: text }));

export const crudController = <S extends CrudRecords<R, C, U>, R, C, U, F extends string>(
  options: CrudControllerOptions<S, R, C, U, F>,
): Type<CrudController<S, R, C, U>> => {
  const { path, tag, records, Create, Update, sorts, defaultSort, summaries, user: caller, writers } = options;

  @ApiTags(tag)
  @ApiBearerAuth()
  @Controller(path)
  class CrudResourceController implements CrudController<S, R, C, U> {
    constructor(readonly records: S) {}

    @Get()
    @summary(summaries.list)
    async list(@caller user: U, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<R[]> {
      const query = parseListQuery(raw, { sortable: sorts, defaultSort });
      const page = await this.records.list(user, query);
      setContentRange(res, path, query.offset, page.rows.length, page.total);
      return page.rows;
    }

    @Get(':id')
    @summary(summaries.get)
    get(@caller user: U, @Param('id') id: string): Promise<R> {
      return this.records.get(user, id);
    }

    @Post()
    @writers
    @summary(summaries.create)
    create(@caller user: U, @Body() dto: C): Promise<R> {
      return this.records.create(user, dto);
    }

    @Put(':id')
    @writers
    @summary(summaries.update)
    update(@caller user: U, @Param('id') id: string, @Body() dto: Partial<C>): Promise<R> {
      return this.records.update(user, id, dto);
    }

    @Delete(':id')
    @writers
    @summary(summaries.remove)
    remove(@caller user: U, @Param('id') id: string): Promise<R> {
      return this.records.remove(user, id);
    }
  }

  // The emitted types of generic parameters are `Object`: name the real classes, as a hand-written controller's are,
  // for the ValidationPipe (validation, whitelist) and the contract (request bodies).
  const paramtypes: Record<CrudHandler, unknown[]> = {
    list: [Object, Object, Object],
    get: [Object, String],
    create: [Object, Create],
    update: [Object, String, Update],
    remove: [Object, String],
  };
  for (const [handler, types] of Object.entries(paramtypes)) Reflect.defineMetadata('design:paramtypes', types, CrudResourceController.prototype, handler);
  // what Nest injects: the records service. A subclass declares no constructor: without a class decorator of its own,
  // its parameters' types would not be emitted and it would be given these.
  Reflect.defineMetadata('design:paramtypes', [records], CrudResourceController);
  return CrudResourceController;
};
