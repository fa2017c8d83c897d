/** Unit, function and HTTP tests: everything named *.test.ts(x) beside the code. */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2020', transform: { react: { runtime: 'automatic' } } } }],
  },
  testMatch: ['<rootDir>/**/*.test.ts', '<rootDir>/**/*.test.tsx'],
  // createTestEnv() seeds the demo data through this (cloudfunctions/ may not import demo/).
  setupFiles: ['<rootDir>/demo/test-seeds.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-h5/', '/build/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/dist-h5/', '<rootDir>/build/'],
}
