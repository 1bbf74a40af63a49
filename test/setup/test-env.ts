import { randomBytes } from 'node:crypto';

/** Where the tests find PostgreSQL and Redis: the same defaults as the product (docs/product-rules.md#interfaces). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/levier';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** One template per test run (set by global-setup, inherited by the workers), so two runs on one machine never collide. */
export const TEMPLATE_DATABASE = process.env.LEVIER_TEST_TEMPLATE ?? 'levier_test_template';

export const databaseUrlFor = (database: string): string => {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

/**
 * The tests' signing key: random per run, set in the environment so the jest workers and the processes the tests start
 * share it. Never a key printed in the repository (a published key is refused, see platform/config/secrets.ts).
 */
export const TEST_JWT_SECRET: string = (process.env.JWT_SECRET ??= randomBytes(48).toString('base64url'));
