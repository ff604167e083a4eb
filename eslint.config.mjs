// Lint of the TypeScript sources, tests and scripts (npm run lint, part of npm test).
// typescript-eslint's recommended set without type information, so it runs in seconds.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a value kept on purpose (a callback's unused argument, a skipped element).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `catch {}` is how best-effort clean-up says "ignore"; other empty blocks stay errors.
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // The published entry points stay CommonJS so `node bin/cable-lint.js` needs no loader.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Functions passed to page.evaluate run in the browser.
    files: ['scripts/editor/ui-test.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // These tests match terminal colour escapes on purpose.
    files: ['test/cli/formats.test.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
