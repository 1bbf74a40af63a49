import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

/** A raw HTTP exchange on a socket: what Node's parser answers before Express (supertest cannot send a broken request line). */
const rawExchange = (port: number, payload: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });

/** Issue 15: an address over 16 KiB got Node's own 431 with no body; every refusal of Node's parser is French problem+json. */
describe('requests refused by the HTTP parser', () => {
  let sut: TestApi;
  const http = () => request(sut.app.getHttpServer());
  let bearer: { Authorization: string };
  let server: Server;
  let port: number;
  beforeAll(async () => {
    ({ api: sut } = await startDemoApi());
    bearer = await loginAs(sut.app, 'finance@valmont.demo');
    server = sut.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sut.close();
  });

  const longFilter = (bytes: number): string => `/api/figures?filter=${encodeURIComponent(JSON.stringify({ period: 'x'.repeat(bytes) }))}`;

  it('answers an address over 16 KiB with a French 431 problem+json, closing the connection', async () => {
    const res = await http()
      .get(longFilter(17 * 1024))
      .set(bearer);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.connection).toBe('close');
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Adresse ou en-têtes trop longs',
      status: 431,
      detail: expect.stringMatching(/^L’adresse demandée et les en-têtes de la requête dépassent ensemble 16 Kio : raccourcissez l’adresse/),
    });
  });

  it('answers headers over 16 KiB (a huge cookie) the same way, with no route reached', async () => {
    const res = await http()
      .get('/api/auth/me')
      .set(bearer)
      .set('Cookie', `bourrage=${'c'.repeat(17 * 1024)}`);
    expect(res.status).toBe(431);
    expect(res.body.title).toBe('Adresse ou en-têtes trop longs');
  });

  it('still lets an address just under the limit reach the application', async () => {
    const res = await http()
      .get(longFilter(12 * 1024))
      .set(bearer);
    expect(res.status).not.toBe(431);
    expect(res.status).toBeLessThan(500);
  });

  it('answers a malformed request line with a French 400 problem+json', async () => {
    const raw = await rawExchange(port, 'GET /api/health HTTP/1.1 en trop\r\nHost: levier\r\n\r\n');
    const [head, body] = raw.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(head).toContain('Content-Type: application/problem+json; charset=utf-8');
    expect(JSON.parse(body)).toEqual({
      type: 'about:blank',
      title: 'Requête invalide',
      status: 400,
      detail: expect.stringMatching(/^Requête HTTP mal formée/),
    });
  });

  it('answers headers over 16 KiB sent on a raw socket with the same 431 problem+json', async () => {
    const raw = await rawExchange(port, `GET /api/health HTTP/1.1\r\nHost: levier\r\nX-Long: ${'a'.repeat(20 * 1024)}`);
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(JSON.parse(raw.split('\r\n\r\n')[1]).status).toBe(431);
  });
});
