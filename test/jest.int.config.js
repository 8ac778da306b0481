module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.int-spec.ts'],
  // The faults-under-load scenario runs on engines of its own: jest.resilience.config.js.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/faults/'],
  testTimeout: 300_000,
};
