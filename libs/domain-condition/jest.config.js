module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'domain-condition',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
