module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'work-orders',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
