/**
 * Jest runs in native ESM mode (see ../shared/TOOLCHAIN.md): swc transforms TypeScript with decorator
 * metadata, emitting ES modules or CommonJS as jest asks for each file.
 */
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.(t|j)s$': swcTransform },
  // ESM-only packages that CommonJS dependencies require() (@fastify/static → content-disposition):
  // swc compiles them to CommonJS for jest, which cannot require ESM on Node 20.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie)/)'],
  testEnvironment: 'node',
};

export default {
  // End-to-end hooks boot the whole service; under a loaded CI machine that takes more than 5 s.
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
    },
  ],
};
