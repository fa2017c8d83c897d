// ESLint 9 flat config. `npm run lint` runs this and then `prettier --check`; layout rules
// (who may import whom) are written as no-restricted-imports per folder, so a layering leak
// fails the lint with a message that says which layer may not be reached from where.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// An import path climbing out of the current folder into one of these top-level folders.
// Relative paths only: the tree has no path aliases.
const outOf = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`

const LAYERS = {
  types: {
    regex: '^(?!zod(/|$)|dayjs(/|$)|\\./)',
    message: 'types/ is the shared contract: it imports only zod, dayjs and other types/ files.',
  },
  cloudfunctionsPlatform: {
    regex: '^@tarojs/',
    message: 'Functions run in CloudBase, not in the mini-program: no Taro here.',
  },
  cloudfunctionsApp: {
    regex: outOf(['host', 'src']),
    message: 'cloudfunctions/ may not depend on the local host or the app pages; pass what you need in.',
  },
  cloudfunctionsDemo: {
    regex: outOf(['demo']),
    message: 'Function code may not depend on the demo data (tests may; the harness gets it from demo/test-seeds.ts).',
  },
  embeddedDb: {
    regex: outOf(['cloudfunctions', 'types', 'src', 'host', 'demo']),
    message: 'embedded-db/ is an engine behind the SDK and knows nothing of the app: take it as an option.',
  },
  srcServer: {
    regex: outOf(['cloudfunctions', 'host', 'demo', 'embedded-db']),
    message: 'The app reaches the server only through src/services/ (types/ holds the shared contracts).',
  },
  transport: {
    regex: '(^|/)services/transport(/|$)',
    message: 'Only src/services/ talks to the transport; import the domain service (or its re-export) instead.',
  },
}

const restrict = (...layers) => ['error', { patterns: layers.map((l) => ({ regex: l.regex, message: l.message })) }]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-h5/',
      'dist-h5-dev/',
      'build/',
      '.data/',
      '.swc/',
      '.temp/',
      '.cache/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Documents come back from the SDK as `any` and are narrowed where they are read; the
      // no-unsafe family would flag every such read (about 400 today) rather than real bugs.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Our APIs are object literals of closures (`{ db, close() {} }`), which are safe to
      // destructure; and `async` on a function that satisfies a Promise-returning port is fine.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      // Rethrowing what a catch received is fine; creating a non-Error rejection is not.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  // The weapp suites have their own tsconfig; a second type program for five files costs more
  // than it finds (`tsc -p weapp` checks them), so they are linted without type information.
  {
    files: ['weapp/**'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false, project: null } },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // Tests and their harnesses read answers loosely on purpose (`env.call<any>`, `res.data.x`).
  {
    files: ['**/*.test.{ts,tsx}', '**/testing.ts', '**/test-helpers.ts', 'e2e/**', 'weapp/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // Size: small modules, small components.
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'e2e/**', 'weapp/**'],
    rules: { 'max-lines': ['error', { max: 350, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    rules: { 'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }] },
  },

  // Layering (who may import whom).
  // The contract's tests may use test tools (fast-check); the contract itself may not.
  { files: ['types/**'], ignores: ['types/**/*.test.ts'], rules: { 'no-restricted-imports': restrict(LAYERS.types) } },
  {
    files: ['cloudfunctions/**'],
    rules: {
      'no-restricted-imports': restrict(
        LAYERS.cloudfunctionsPlatform,
        LAYERS.cloudfunctionsApp,
        LAYERS.cloudfunctionsDemo,
      ),
    },
  },
  {
    files: ['cloudfunctions/**/*.test.ts', 'cloudfunctions/**/test-helpers.ts'],
    rules: { 'no-restricted-imports': restrict(LAYERS.cloudfunctionsPlatform, LAYERS.cloudfunctionsApp) },
  },
  { files: ['embedded-db/**'], rules: { 'no-restricted-imports': restrict(LAYERS.embeddedDb) } },
  { files: ['src/**'], rules: { 'no-restricted-imports': restrict(LAYERS.srcServer, LAYERS.transport) } },
  { files: ['src/services/**'], rules: { 'no-restricted-imports': restrict(LAYERS.srcServer) } },
  // The app takes values only from the zod-free parts of the contract (*-labels, mask, photos):
  // a value import from a schema file pulls zod (about 55 KB minified) into the weapp main
  // package. Types are erased, so `import type` from any contract file is fine.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)types/(?!mask$|photos$)(?![a-z-]+-labels$)[a-z-]+$',
              allowTypeImports: true,
              message: 'The app imports values only from zod-free types/ files (*-labels.ts, mask.ts, photos.ts).',
            },
          ],
        },
      ],
    },
  },

  prettier,
)
