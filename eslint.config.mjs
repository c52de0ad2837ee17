import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '.demo/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: a promise nobody awaits, or one passed where a plain callback is expected, is a bug.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // Every type-checked rule of typescript-eslint's recommended set, for the product's code.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['src/**/*.ts'] })),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `RunStatus | string` says on purpose: the known statuses, and whatever else a server may send.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The VS Code API only in a feature's `vscode/` folder and in the wiring (extension.ts, api.ts); every other file,
    // today's and tomorrow's, is plain TypeScript that unit tests run without VS Code.
    files: ['src/**/*.ts'],
    ignores: ['src/**/vscode/**', 'src/extension.ts', 'src/api.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Keep this layer free of the VS Code API.' }] }] },
  },
);
