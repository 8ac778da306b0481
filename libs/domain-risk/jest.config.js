module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'domain-risk',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
