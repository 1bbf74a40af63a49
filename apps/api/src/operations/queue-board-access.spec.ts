import { decideBoardAccess } from './queue-board-access';

const reader = { mayRetry: false };
const retrier = { mayRetry: true };

describe(decideBoardAccess.name, () => {
  it('refuses everything to someone who is not an instance operator, reading included', () => {
    expect(decideBoardAccess(null, 'GET', '/api/queues')).toEqual({ allowed: false, status: 403, message: expect.stringMatching(/opérateurs de l’instance/) });
    expect(decideBoardAccess(null, 'GET', '/')).toMatchObject({ allowed: false, status: 403 });
  });

  it('lets every operator read the page, its assets and its API', () => {
    for (const path of ['/', '/static/js/main.js', '/api/queues', '/api/queues/figures/42', '/api/queues/figures/42/logs']) {
      expect(decideBoardAccess(reader, 'GET', path)).toEqual({ allowed: true });
    }
    expect(decideBoardAccess(reader, 'HEAD', '/api/queues')).toEqual({ allowed: true });
  });

  it('lets only an operator allowed to retry retry one failed job or every failed job of a queue', () => {
    for (const path of ['/api/queues/indicators/42/retry', '/api/queues/indicators/retry/failed']) {
      expect(decideBoardAccess(retrier, 'PUT', path)).toEqual({ allowed: true });
      expect(decideBoardAccess(reader, 'PUT', path)).toMatchObject({
        allowed: false,
        status: 403,
        message: expect.stringMatching(/Relance des tâches réservée/),
      });
    }
  });

  it('refuses every other write to every operator: clean, empty, pause, obliterate, add, edit, promote, schedulers', () => {
    for (const [method, path] of [
      ['PUT', '/api/queues/indicators/clean/failed'],
      ['PUT', '/api/queues/indicators/empty'],
      ['PUT', '/api/queues/pause'],
      ['PUT', '/api/queues/indicators/obliterate'],
      ['POST', '/api/queues/indicators/add'],
      ['PATCH', '/api/queues/indicators/42/update-data'],
      ['PUT', '/api/queues/indicators/42/promote'],
      ['PUT', '/api/queues/reports/job-schedulers/dispatch/remove'],
      ['POST', '/api/metrics/history/purge'],
      ['PUT', '/api/queues/indicators/retry/failed/extra'],
    ] as const) {
      expect(decideBoardAccess(retrier, method, path)).toMatchObject({ allowed: false, status: 403, message: expect.stringMatching(/lecture seule/) });
    }
  });
});
