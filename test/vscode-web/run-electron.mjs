#!/usr/bin/env node
// The same integration suite in desktop VS Code (Electron), for machines that can download it:
// @vscode/test-electron fetches VS Code into .vscode-test/ (needs update.code.visualstudio.com; on a Linux
// machine without a display, run under xvfb-run). Offline, use run-integration.mjs (code-server) instead.
//
//   node test/vscode-web/run-electron.mjs [--tests out/test/integration/index.js] [--env JSON]
//        [--vscode-version stable|insiders|1.90.0] [--keep]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { ROOT, createState, writeSettings } from './lib/code-server.mjs';
import { startRequestRecorder } from './lib/request-recorder.mjs';

const { values: opt } = parseArgs({
  options: {
    tests: { type: 'string', default: 'out/test/integration/index.js' },
    env: { type: 'string', default: '{}' },
    'vscode-version': { type: 'string', default: 'stable' },
    keep: { type: 'boolean', default: false },
  },
});

// same contract as run-integration.mjs: POLYAXON_HOST and polyaxon.host point at a request recorder
const state = createState('electron');
const requestLog = path.join(state.dir, 'requests.jsonl');
const recorder = await startRequestRecorder(requestLog);
writeSettings(state, { 'polyaxon.host': recorder.url });
let exitCode = 1;
try {
  exitCode = await runTests({
    version: opt['vscode-version'],
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.resolve(opt.tests),
    extensionTestsEnv: { POLYAXON_HOST: recorder.url, POLYAXON_TEST_REQUEST_LOG: requestLog, ...JSON.parse(opt.env) },
    // own profile: the runner's settings, no other installed extension
    launchArgs: [state.workspace, `--user-data-dir=${state.userData}`, `--extensions-dir=${state.extensions}`, '--disable-extensions'],
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : e); // TestRunFailedError: the tests failed, output above
}
await recorder.close();
if (exitCode === 0 && !opt.keep) fs.rmSync(state.dir, { recursive: true, force: true });
process.exit(exitCode);
