/**
 * End-to-end tests: the H5 build (dist-h5/, built by `npm run test:e2e` first) on the real
 * local host, driven by playwright-core in Debian's Chromium. One file at a time: each
 * starts its own host and browser, and two Chromiums on two cores only make both slow.
 */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/dist-h5/', '<rootDir>/build/'],
  maxWorkers: 1,
  testTimeout: 60_000,
}
