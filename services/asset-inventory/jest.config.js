module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'asset-inventory',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
