module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'domain-money',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
