// The fault and scale-out scenarios (ADR 0018): each starts a Kafka, a FerretDB and a Redis of its own
// (.buqi/faults, ports BUQI_FAULTS_*_PORT), so they run beside the other integration suites.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'resilience',
  rootDir: __dirname,
  testMatch: ['<rootDir>/faults/**/*.int-spec.ts', '<rootDir>/scale/**/*.int-spec.ts'],
  testTimeout: 300_000,
};
