import preset from '../../jest.esm.preset.js';

/** @type {import('jest').Config} */
export default {
  ...preset,
  displayName: 'web-e2e',
  rootDir: import.meta.dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
};
