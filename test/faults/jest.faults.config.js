/**
 * Local config for the fault-injection and adversarial suite (test/faults). Same transform and aliases as the
 * root jest.config.js; `npx jest -c test/faults/jest.faults.config.js`, FAULTS_FULL=1 for the full form.
 */
const path = require('node:path');
const root = require('../../jest.config.js');
const base = root.projects.find((p) => p.displayName === 'integration');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  projects: [
    {
      transform: base.transform,
      transformIgnorePatterns: base.transformIgnorePatterns,
      moduleNameMapper: base.moduleNameMapper,
      testEnvironment: 'node',
      rootDir: path.resolve(__dirname, '../..'),
      displayName: 'faults',
      roots: ['<rootDir>/test/faults'],
      testMatch: ['**/*.faults-spec.ts'],
      globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/faults/support/global-teardown.ts',
      testTimeout: process.env.FAULTS_FULL === '1' ? 900_000 : 180_000,
    },
  ],
};
