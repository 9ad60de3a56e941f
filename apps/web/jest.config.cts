// A zone far from Europe/Berlin: date logic must not depend on the machine's zone.
process.env.TZ = 'America/New_York';

module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../coverage/apps/web',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        stringifyContentPathRegex: '\\.(html|svg)$',
      },
    ],
  },
  // graphql-ws and Angular's locale data ship as ES modules in .js files: let Jest transform them.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|graphql-ws/|@angular/common/locales/))'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
