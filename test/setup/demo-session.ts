import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-tenants';

/** Logs a demo account in and returns its bearer header. */
export const loginAs = async (app: INestApplication, email: string): Promise<{ Authorization: string }> => {
  const res = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { Authorization: `Bearer ${res.body.accessToken as string}` };
};

export const refreshCookieOf = (res: request.Response): string => {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = raw?.find((c) => c.startsWith('levier_refresh='));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0];
};
