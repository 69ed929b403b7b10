// Jest runs in native ESM mode (NestJS 12 ships ESM only); @swc/jest compiles TypeScript with decorator metadata.
const swcConfig = {
  jsc: {
    target: 'es2023',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

/** The counter app's unit tests (apps/counter-web): TSX with Preact's automatic JSX runtime. */
const swcWebConfig = {
  jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic', importSource: 'preact' } } },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

/**
 * @fastify/static (CommonJS) requires content-disposition, which ships ESM only: Node loads it with require(esm),
 * Jest's module loader does not, so Jest compiles that one package to CommonJS.
 */
const swcCommonJsConfig = { jsc: { target: 'es2023' }, module: { type: 'commonjs' } };

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcConfig],
    '^.+\\.tsx$': ['@swc/jest', swcWebConfig],
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', swcCommonJsConfig],
  },
  transformIgnorePatterns: ['^(?!.*/node_modules/content-disposition/).*/node_modules/'],
  moduleNameMapper: {
    '^@koperasi/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 60000,
};
