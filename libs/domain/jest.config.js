import preset from '../../jest.esm.preset.js';

/** @type {import('jest').Config} */
export default {
  ...preset,
  displayName: 'domain',
  rootDir: import.meta.dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
