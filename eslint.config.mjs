// ESLint for the repository's JavaScript: the ticker (frontend/src, plain ES modules the browser
// loads as they are), its tests (Node's test runner; the browser tests and the pages' benchmark
// also hand functions to the page) and .ci's Node scripts. `.ci/lint` runs it with the versions pinned in
// .ci/lint-tools/package-lock.json.
//
// Rules: ESLint's recommended set, plus a few that catch real mistakes in code without a compiler
// step: `eqeqeq` (== coerces), `no-var`, `prefer-const`, `no-shadow` (a shadowed name reads as
// the outer one; a function handed to page.evaluate() sees only what is passed in, not the test's
// names), and `strict` for .ci's CommonJS scripts.
import { createRequire } from 'node:module';

// The linters live outside the work tree (.ci/tools.sh); .ci/lint puts their node_modules on
// NODE_PATH, which require() honours and import does not.
const require = createRequire(import.meta.url);
const js = require('@eslint/js');
const globals = require('globals');

export default [
  {
    ignores: ['**/node_modules/', '**/target/', '.ci/.tools/'],
  },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-shadow': 'error',
    },
  },
  {
    files: ['frontend/src/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['frontend/test/**/*.{js,mjs}'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    // Functions handed to page.evaluate() run in the page, where `document` and `window` are.
    files: ['frontend/test/browser/**/*.mjs', 'src/test/bench/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['.ci/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { strict: ['error', 'global'] },
  },
];
