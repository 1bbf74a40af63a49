/** Jest projects, one per test layer (CONVENTIONS § Tests). swc transpiles; `tsc --noEmit` type-checks. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true, tsx: true }, transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' } }];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper: { '^@levier/indicators$': '<rootDir>/libs/indicators/src/index.ts', '^@levier/contracts$': '<rootDir>/libs/contracts/src/index.ts' },
  testEnvironment: 'node',
  rootDir: __dirname,
};
module.exports = {
  // a global option (projects cannot set it): e2e and integration files seed the demo tenants and compute their read models
  // (≈ 2 s alone, more on a busy machine), a dashboard render in jsdom takes seconds
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/test/lint', '<rootDir>/test/setup'], testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      testMatch: ['**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'admin',
      roots: ['<rootDir>/apps/admin/src'],
      testMatch: ['**/*.spec.tsx', '**/*.spec.ts'],
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/apps/admin/test-setup.ts'],
      transformIgnorePatterns: ['/node_modules/(?!(react-hotkeys-hook)/)'],
      moduleNameMapper: { ...common.moduleNameMapper, '\\.(css)$': '<rootDir>/apps/admin/style-mock.ts' },
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    // Fault injection and fuzzing with real processes (test/faults): a bounded fast form in `npm test`, FAULTS_FULL=1 for the full one.
    {
      ...common,
      displayName: 'faults',
      roots: ['<rootDir>/test/faults'],
      testMatch: ['**/*.faults-spec.ts'],
      globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/faults/support/global-teardown.ts',
    },
  ],
};
