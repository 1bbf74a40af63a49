import { Writable } from 'node:stream';
import { createRootLogger, REDACTED, scrubSecrets } from './logger';

const capture = (): { stream: Writable; text: () => string } => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
};

describe(createRootLogger.name, () => {
  it('redacts secret fields at the top level, one level down and in request and response headers', () => {
    const out = capture();
    const sut = createRootLogger('trace', 'test', out.stream);
    sut.info(
      {
        res: { statusCode: 200, headers: { 'set-cookie': ['levier_refresh=R1; HttpOnly'], 'content-type': 'application/json' } },
        password: 'P1',
        body: { password: 'P2', email: 'a@b.c' },
        user: { token: 'T1', accessToken: 'A1' },
      },
      'done',
    );
    sut.child({ component: 'http' }).info({ req: { headers: { authorization: 'Bearer A2', cookie: 'levier_refresh=R2' } } }, 'child');
    const text = out.text();
    for (const secret of ['R1', 'P1', 'P2', 'T1', 'A1', 'A2', 'R2']) expect(text).not.toContain(secret);
    expect(text).toContain(REDACTED);
    expect(text).toContain('application/json');
    expect(text).toContain('a@b.c');
  });

  it('scrubs secrets out of free-text messages', () => {
    const out = capture();
    const sut = createRootLogger('trace', 'test', out.stream);
    sut.error('failed for Bearer abc123 with levier_refresh=xyz789; at /api/x?token=tok456&y=1');
    const text = out.text();
    for (const secret of ['abc123', 'xyz789', 'tok456']) expect(text).not.toContain(secret);
    expect(text).toContain('y=1');
  });
});

describe(scrubSecrets.name, () => {
  it('replaces a JWT-shaped value wherever it appears', () => {
    expect(scrubSecrets('jeton eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.c2lnbmF0dXJl fin')).toBe(`jeton ${REDACTED} fin`);
  });
});
