module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.int-spec.ts'],
  // The fault and scale-out scenarios run on engines of their own: jest.resilience.config.js.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/faults/', '<rootDir>/scale/'],
  testTimeout: 300_000,
};
