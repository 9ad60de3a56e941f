import preset from '../../jest.esm.preset.js';

/** @type {import('jest').Config} */
export default {
  ...preset,
  displayName: 'api',
  rootDir: import.meta.dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 120_000,
  // Integration suites each boot their own API and databases; two cores run two at a time comfortably.
  maxWorkers: 2,
};
