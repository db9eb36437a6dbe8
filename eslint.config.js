import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The layer rules, stated where a break shows: each pattern is an import that crosses a layer. */
const fromScripts = {
  group: ['**/scripts/**'],
  message: 'The site never imports scripts/ (tooling); move what both need under src/.',
};
const preactInModels = {
  group: ['preact', 'preact/**'],
  message: 'A model is pure TypeScript with no UI: views (.tsx) use Preact, models do not.',
};
const kitInModels = {
  // Files only (`**/kit/*`): were the folder itself excluded, its model entry could not be re-included.
  group: ['**/kit/*', '!**/kit/model.ts'],
  message: 'A model takes from the kit only its model entry, src/sims/kit/model.ts (no views, no Preact).',
};

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', '.astro/', '.fixture-content/', 'bench/tmp/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_` marks a parameter a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The kit's own hooks live in .ts files.
    files: ['**/*.tsx', 'src/sims/kit/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [fromScripts] }] },
  },
  {
    // Models: every non-view file of a simulation, except the kit itself.
    files: ['src/sims/**/*.ts'],
    ignores: ['src/sims/kit/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [fromScripts, preactInModels, kitInModels] }] },
  },
);
