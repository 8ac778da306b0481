module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'domain-allocation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
