module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'console (integration)',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 120_000,
};
