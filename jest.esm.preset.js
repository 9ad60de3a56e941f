// Shared Jest set-up for the ESM projects (API and framework-free libraries).
// Jest runs them in native ESM mode (node --experimental-vm-modules), as NestJS 12 ships ESM only.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@nahbar/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@nahbar/testing-oidc$': '<rootDir>/../../libs/testing-oidc/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
          target: 'es2023',
        },
        module: { type: 'es6' },
      },
    ],
  },
};
