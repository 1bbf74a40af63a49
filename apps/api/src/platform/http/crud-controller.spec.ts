import { createParamDecorator, Get, INestApplication, Injectable, SetMetadata, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Test } from '@nestjs/testing';
import { PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString } from 'class-validator';
import request from 'supertest';
import { crudController, CrudRecords } from './crud-controller';
import { ListQuery } from './list-query';
import { ProblemDetailsFilter } from './problem-details.filter';

class CreateThingDto {
  @IsString({ message: 'label : texte attendu' })
  label: string;

  @IsOptional()
  @IsInt({ message: 'year : année entière attendue (ex. 2024)' })
  year?: number;
}

class UpdateThingDto extends PartialType(CreateThingDto) {}

interface Thing {
  id: string;
  label: string;
  year: number | null;
}

interface Caller {
  id: string;
  organisationId: string;
}

const CALLER: Caller = { id: 'u1', organisationId: 'o1' };
const WRITERS = 'test:writers';

/** A records service keeping what it was given, so a test sees what reached it after the pipe. */
@Injectable()
class ThingRecords implements CrudRecords<Thing, CreateThingDto, Caller> {
  readonly calls: Array<{ handler: string; user: Caller; args: unknown[] }> = [];
  private readonly rows: Thing[] = [
    { id: 'a', label: 'A', year: 2024 },
    { id: 'b', label: 'B', year: 2025 },
    { id: 'c', label: 'C', year: null },
  ];

  list(user: Caller, query: ListQuery<string>): Promise<{ rows: Thing[]; total: number }> {
    this.calls.push({ handler: 'list', user, args: [query] });
    return Promise.resolve({ rows: this.rows.slice(query.offset, query.offset + query.limit), total: this.rows.length });
  }

  get(user: Caller, id: string): Promise<Thing> {
    this.calls.push({ handler: 'get', user, args: [id] });
    return Promise.resolve(this.rows.find((r) => r.id === id) ?? this.rows[0]);
  }

  create(user: Caller, body: CreateThingDto): Promise<Thing> {
    this.calls.push({ handler: 'create', user, args: [body] });
    return Promise.resolve({ id: 'new', label: body.label, year: body.year ?? null });
  }

  update(user: Caller, id: string, body: Partial<CreateThingDto>): Promise<Thing> {
    this.calls.push({ handler: 'update', user, args: [id, body] });
    return Promise.resolve({ id, label: body.label ?? 'A', year: body.year ?? null });
  }

  remove(user: Caller, id: string): Promise<Thing> {
    this.calls.push({ handler: 'remove', user, args: [id] });
    return Promise.resolve({ id, label: 'A', year: 2024 });
  }
}

const TestCaller = createParamDecorator((): Caller => CALLER);

class ThingsController extends crudController({
  path: 'things',
  tag: 'choses',
  records: ThingRecords,
  Create: CreateThingDto,
  Update: UpdateThingDto,
  sorts: ['year', 'label'],
  defaultSort: { field: 'year', order: 'DESC' },
  summaries: { list: 'Les choses', create: 'Ajoute une chose' },
  user: TestCaller(),
  writers: SetMetadata(WRITERS, ['admin']),
}) {}

/** A records service with something of its own, served by a route a subclass adds. */
@Injectable()
class CountedThingRecords extends ThingRecords {
  count(user: Caller): Promise<{ count: number; user: string }> {
    return Promise.resolve({ count: 3, user: user.id });
  }
}

/** A resource with a route of its own, like initiatives' summary. */
class CountedThingsController extends crudController({
  path: 'counted-things',
  tag: 'choses',
  records: CountedThingRecords,
  Create: CreateThingDto,
  Update: UpdateThingDto,
  sorts: ['year'],
  defaultSort: { field: 'year', order: 'ASC' },
  summaries: {},
  user: TestCaller(),
  writers: SetMetadata(WRITERS, ['admin']),
}) {
  // declared after the inherited GET :id, served before it
  @Get('summary')
  summary(@TestCaller() user: Caller): Promise<{ count: number; user: string }> {
    return this.records.count(user);
  }
}

describe(crudController.name, () => {
  let app: INestApplication;
  let sut: ThingRecords;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [ThingsController, CountedThingsController],
      providers: [
        ThingRecords,
        CountedThingRecords,
        // the API's global pipe and filter (api.module.ts)
        { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }) },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    sut = moduleRef.get(ThingRecords);
  });

  afterAll(() => app.close());

  beforeEach(() => {
    sut.calls.length = 0;
  });

  it('names the DTO classes as the bodies’ parameter types, not Object', () => {
    expect(Reflect.getMetadata('design:paramtypes', ThingsController.prototype, 'create')).toEqual([Object, CreateThingDto]);
    expect(Reflect.getMetadata('design:paramtypes', ThingsController.prototype, 'update')).toEqual([Object, String, UpdateThingDto]);
  });

  it('declares the five routes, the writes restricted by the given decorator', () => {
    const proto = ThingsController.prototype;
    const routes = (['list', 'get', 'create', 'update', 'remove'] as const).map((h) => [
      h,
      Reflect.getMetadata(METHOD_METADATA, proto[h]) as number,
      Reflect.getMetadata(PATH_METADATA, proto[h]) as string,
      Reflect.getMetadata(WRITERS, proto[h]) as string[] | undefined,
    ]);
    // RequestMethod: GET 0, POST 1, PUT 2, DELETE 3
    expect(routes).toEqual([
      ['list', 0, '/', undefined],
      ['get', 0, ':id', undefined],
      ['create', 1, '/', ['admin']],
      ['update', 2, ':id', ['admin']],
      ['remove', 3, ':id', ['admin']],
    ]);
    expect(Reflect.getMetadata(PATH_METADATA, ThingsController)).toBe('things');
    expect(Reflect.getMetadata('swagger/apiOperation', proto.create)).toEqual({ summary: 'Ajoute une chose' });
    expect(Reflect.getMetadata('swagger/apiOperation', proto.update)).toBeUndefined();
  });

  it('lists a page with its Content-Range and the default sort', async () => {
    const res = await request(app.getHttpServer()).get('/things').query({ range: '[0,1]' }).expect(200);
    expect(res.headers['content-range']).toBe('things 0-1/3');
    expect(res.body).toEqual([
      { id: 'a', label: 'A', year: 2024 },
      { id: 'b', label: 'B', year: 2025 },
    ]);
    expect(sut.calls[0]).toEqual({ handler: 'list', user: CALLER, args: [{ sort: { field: 'year', order: 'DESC' }, offset: 0, limit: 2, filter: {} }] });
  });

  it('refuses a sort on a field not declared sortable, in French', async () => {
    const res = await request(app.getHttpServer()).get('/things').query({ sort: '["id","ASC"]' }).expect(400);
    expect(res.body.detail).toBe('Tri impossible sur « id » : champs triables : year, label.');
  });

  it('creates from the validated DTO, transformed into its class', async () => {
    await request(app.getHttpServer()).post('/things').send({ label: 'Nouvelle', year: 2030 }).expect(201);
    expect(sut.calls).toHaveLength(1);
    expect(sut.calls[0].args[0]).toBeInstanceOf(CreateThingDto);
    expect(sut.calls[0].args[0]).toEqual({ label: 'Nouvelle', year: 2030 });
  });

  it('refuses a field the DTO does not declare, and the service is not called', async () => {
    const res = await request(app.getHttpServer()).post('/things').send({ label: 'X', colour: 'red' }).expect(400);
    expect(res.body.errors).toEqual(['property colour should not exist']);
    expect(sut.calls).toEqual([]);
  });

  it('answers a wrong type with the DTO’s French message', async () => {
    const res = await request(app.getHttpServer()).post('/things').send({ label: 'X', year: 'deux mille' }).expect(400);
    expect(res.body).toMatchObject({ title: 'Requête invalide', detail: 'Certains champs sont invalides.' });
    expect(res.body.errors).toEqual(['year : année entière attendue (ex. 2024)']);
    expect(sut.calls).toEqual([]);
  });

  it('validates an update against the partial DTO: a missing field is fine, an unknown one is not', async () => {
    await request(app.getHttpServer()).put('/things/b').send({ year: 2026 }).expect(200);
    expect(sut.calls[0]).toMatchObject({ handler: 'update', user: CALLER });
    expect(sut.calls[0].args[0]).toBe('b');
    expect(sut.calls[0].args[1]).toBeInstanceOf(UpdateThingDto);
    expect(sut.calls[0].args[1]).toEqual({ year: 2026 });
    const res = await request(app.getHttpServer()).put('/things/b').send({ id: 'z' }).expect(400);
    expect(res.body.errors).toEqual(['property id should not exist']);
  });

  it('serves a subclass’s own route before the inherited :id, through its typed records service', async () => {
    expect((await request(app.getHttpServer()).get('/counted-things/summary').expect(200)).body).toEqual({ count: 3, user: 'u1' });
    expect((await request(app.getHttpServer()).get('/counted-things/b').expect(200)).body).toEqual({ id: 'b', label: 'B', year: 2025 });
  });

  it('gets and removes one record of the caller', async () => {
    expect((await request(app.getHttpServer()).get('/things/b').expect(200)).body).toEqual({ id: 'b', label: 'B', year: 2025 });
    await request(app.getHttpServer()).delete('/things/c').expect(200);
    expect(sut.calls.map((c) => [c.handler, c.user, c.args])).toEqual([
      ['get', CALLER, ['b']],
      ['remove', CALLER, ['c']],
    ]);
  });
});
