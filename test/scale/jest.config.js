/**
 * `npm run test:scale`: the pipeline beyond one machine (docs/scaling.md), on this machine — a private PostgreSQL
 * primary with a streaming replica, a Redis Sentinel group and a Redis Cluster, the built API and three workers as
 * child processes. In band: the scenarios start servers of their own and share two cores. `SCALE_FULL=1` for the long form.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: `${__dirname}/../..`,
  displayName: 'scale',
  roots: ['<rootDir>/test/scale'],
  testMatch: ['**/*.scale-spec.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper: { '^@levier/indicators$': '<rootDir>/libs/indicators/src/index.ts' },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/scale/support/global-setup.ts',
  testTimeout: 240_000,
  maxWorkers: 1,
};
