module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'compute',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
