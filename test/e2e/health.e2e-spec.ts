import request from 'supertest';
import { createTestApi, TestApi } from '../setup/test-app';

describe('GET /api/health', () => {
  let sut: TestApi;
  beforeAll(async () => {
    sut = await createTestApi();
  });
  afterAll(async () => {
    await sut.close();
  });

  it('answers 200 with status ok when PostgreSQL and Redis answer', async () => {
    const res = await request(sut.app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('gives every response a request id, and errors as French problem+json', async () => {
    const res = await request(sut.app.getHttpServer()).get('/api/does-not-exist').set('X-Request-Id', 'req-42').expect(404);
    expect(res.headers['x-request-id']).toBe('req-42');
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, title: 'Ressource introuvable', requestId: 'req-42' });
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at Object|SELECT/i);
  });

  it('serves the OpenAPI description at /api/docs', async () => {
    await request(sut.app.getHttpServer()).get('/api/docs').expect(200);
  });
});

describe('/api/docs with API_DOCS=false (the production default)', () => {
  let sut: TestApi;
  beforeAll(async () => {
    sut = await createTestApi({ API_DOCS: 'false' });
  });
  afterAll(async () => {
    await sut.close();
    delete process.env.API_DOCS;
  });

  it('does not publish the map of every route', async () => {
    await request(sut.app.getHttpServer()).get('/api/docs').expect(404);
    await request(sut.app.getHttpServer()).get('/api/docs-json').expect(404);
  });
});
