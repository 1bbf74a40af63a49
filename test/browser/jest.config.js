/**
 * Browser tests (playwright-core + Debian chromium) against the running product with demo data.
 * `npx jest -c test/browser/jest.config.js` — global-setup builds, migrates and seeds a fresh database,
 * starts the API and the worker on a free port; global-teardown stops them and drops the database.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  rootDir: `${__dirname}/../..`,
  displayName: 'browser',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser-spec.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
  testTimeout: 90_000,
  maxWorkers: 1,
};
