module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'domain-sla',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
