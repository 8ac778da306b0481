// The faults-under-load scenario on three instances of each service (ADR 0018). It starts a Kafka, a
// FerretDB and a Redis of its own (.buqi/faults, ports BUQI_FAULTS_*_PORT), so it runs beside the
// other integration suites.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'resilience',
  rootDir: __dirname,
  testMatch: ['<rootDir>/faults/**/*.int-spec.ts'],
  testTimeout: 300_000,
};
