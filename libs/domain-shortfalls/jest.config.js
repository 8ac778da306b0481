module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'domain-shortfalls',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
