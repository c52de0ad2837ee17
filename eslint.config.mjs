import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The folders of src/, bottom first: a file may import its own folder or one below it, never one above it.
const FOLDER_ORDER = JSON.parse(fs.readFileSync(new URL('./test/unit/folderOrder.json', import.meta.url), 'utf8')).order;
const NO_VSCODE = { name: 'vscode', message: 'Keep this file free of the VS Code API: adapters live in a vscode/ folder.' };

/** The import restrictions of the files of `folder`; `plain`: outside its vscode/ folder. */
function folderImports(folder, plain) {
  const above = FOLDER_ORDER.slice(FOLDER_ORDER.indexOf(folder) + 1);
  const patterns = above.map((name) => ({ group: [`**/${name}/**`], message: `${name}/ is above ${folder}/: imports point down.` }));
  if (plain) patterns.push({ group: ['**/vscode/**'], message: 'Plain code never imports a vscode/ file.' });
  return { 'no-restricted-imports': ['error', { paths: plain ? [NO_VSCODE] : [], patterns }] };
}

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
  // Per folder: no import of a folder above it; the VS Code API only in its vscode/ folder (and the wiring,
  // extension.ts and api.ts, which may import anything). test/unit/sourceTree.test.ts checks the same from the files.
  ...FOLDER_ORDER.flatMap((folder) => [
    { files: [`src/${folder}/**/*.ts`], ignores: [`src/${folder}/**/vscode/**`], rules: folderImports(folder, true) },
    { files: [`src/${folder}/**/vscode/**/*.ts`], rules: folderImports(folder, false) },
  ]),
);
