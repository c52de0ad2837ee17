// Mocha runner loaded by VS Code's extension host (extensionTestsPath): test/vscode-web/run-integration.mjs in
// code-server, or test/vscode-web/run-electron.mjs in a desktop VS Code. VS Code calls run() and takes a resolved
// promise as success. Another suite (e.g. one run with in-cluster env vars) reuses runSuite() with its own folder.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Runs every `*.test.js` in `dir` (not recursive); prints `N passed, N failed` last. */
export function runSuite(dir: string): Promise<void> {
  // POLYAXON_TEST_GREP (passed with --env) narrows a run to matching tests while working on them.
  const mocha = new Mocha({ ui: 'bdd', timeout: 20000, color: false, grep: process.env.POLYAXON_TEST_GREP || undefined });
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      console.log(`${passed} passed, ${failures} failed (VS Code ${vscode.version})`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else if (passed === 0) reject(new Error(`no integration test ran (files: ${files.join(', ') || 'none'} in ${dir})`));
      else resolve();
    });
  });
}

export function run(): Promise<void> {
  return runSuite(__dirname);
}
