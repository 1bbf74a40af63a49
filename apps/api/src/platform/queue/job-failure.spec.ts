import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { explainFailure, explainingFailure, logJobFailure } from './job-failure';

describe(explainFailure.name, () => {
  it('puts what the job was doing in front of the cause, keeping the original error as its cause', () => {
    const original = new Error('invalid input syntax for type uuid: "x"');
    const sut = explainFailure('Recalcul des indicateurs de l’organisation x en échec', original) as Error;
    expect(sut.message).toBe('Recalcul des indicateurs de l’organisation x en échec : invalid input syntax for type uuid: "x"');
    expect(sut.cause).toBe(original);
    expect(sut.stack?.split('\n')[0]).toBe(`Error: ${sut.message}`);
  });

  it('keeps an unrecoverable error unrecoverable (no retry) and leaves BullMQ control-flow errors alone', () => {
    const sut = explainFailure('Envoi du rapport d en échec', new UnrecoverableError('550 boîte inconnue'));
    expect(sut).toBeInstanceOf(UnrecoverableError);
    expect((sut as Error).message).toBe('Envoi du rapport d en échec : 550 boîte inconnue');
    const delayed = new DelayedError();
    expect(explainFailure('x', delayed)).toBe(delayed);
  });

  it('does not repeat a prefix already there, and names an empty or non-Error cause', () => {
    expect((explainFailure('A en échec', new Error('A en échec : cause')) as Error).message).toBe('A en échec : cause');
    expect((explainFailure('A en échec', new Error('')) as Error).message).toBe('A en échec : erreur sans message');
    expect((explainFailure('A en échec', 'chaîne') as Error).message).toBe('A en échec : chaîne');
  });

  it('passes a result through and rejects with the explained error', async () => {
    await expect(explainingFailure('A en échec', async () => 42)).resolves.toBe(42);
    await expect(explainingFailure('A en échec', () => Promise.reject(new Error('cause')))).rejects.toThrow('A en échec : cause');
  });
});

describe(logJobFailure.name, () => {
  it('logs the queue, job, its ids, the attempt and the cause', () => {
    const lines: string[] = [];
    const job = { name: 'recompute', id: '7', data: { organisationId: 'o1', periods: ['2024-01'] }, attemptsMade: 2, opts: { attempts: 5 } } as unknown as Job;
    logJobFailure({ error: (message: string) => lines.push(message) }, 'indicators', job, new Error('cause'));
    expect(lines).toEqual(['Tâche indicators recompute 7 (données {"organisationId":"o1","periods":["2024-01"]}) en échec, tentative 2 sur 5 : cause']);
    logJobFailure({ error: (message: string) => lines.push(message) }, 'reports', undefined, new Error('perdue'));
    expect(lines[1]).toBe('Tâche reports inconnue en échec : perdue');
  });
});
