/**
 * The weapp suites (weapp/**\/*.weapp.ts) against the built mini-program in dist/
 * (`npm run test:weapp` builds it first): miniprogram-simulate with WeChat's own wcc
 * compiler in jsdom, and the miniprogram-automator suite where WeChat DevTools exists.
 */
module.exports = {
  testEnvironment: 'jsdom',
  // jsdom would pick packages' browser builds (ESM); the functions run in the same process
  // and need their Node builds, as in the cloud.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  testMatch: ['<rootDir>/weapp/**/*.weapp.ts'],
  // createTestEnv() seeds the demo data through this (cloudfunctions/ may not import demo/).
  setupFiles: ['<rootDir>/demo/test-seeds.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  modulePathIgnorePatterns: ['<rootDir>/dist-h5/', '<rootDir>/build/'],
  // the built dist/ is loaded with require(); don't let jest transform the minified output
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  testTimeout: 60_000,
}
