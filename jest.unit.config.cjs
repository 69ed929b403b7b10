// The unit tests alone (*.unit.spec.ts): pure code, no PostgreSQL, Kafka or Docker, so no global setup.
const base = require('./jest.config.cjs');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.unit.spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 10000,
};
