module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'budget-allocation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
