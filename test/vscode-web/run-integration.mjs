#!/usr/bin/env node
// Runs an integration-test module (mocha, exporting run()) inside the extension host of a real VS Code
// (code-server 1.139, remote Node 24 extension host), like @vscode/test-electron does with a desktop VS Code.
//
//   node test/vscode-web/run-integration.mjs [--tests out/test/integration/index.js] [--env JSON]
//        [--settings JSON] [--workspace DIR] [--timeout SECONDS] [--keep] [--verbose] [--extension DIR]...
//
// --extension installs one more extension from a folder of this repo (e.g. test/jupyter-stand-in, the stand-in for
// ms-toolsai.jupyter that the notebook tests need).
//
// --env adds environment variables for the extension host (e.g. the ones a Polyaxon service sets:
// --env '{"POLYAXON_RUN_INSTANCE":"default.p.runs.abc"}'). By default the extension host gets POLYAXON_HOST
// (and the polyaxon.host setting) pointing at a request recorder, whose log file is POLYAXON_TEST_REQUEST_LOG.
// Needs: setup.sh done, `node esbuild.mjs` (dist/) and `tsc -p .` (out/). Exit code: the test run's.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, forwardConsole, workbenchUrl } from './lib/browser.mjs';
import { ROOT, createState, requireInstalled, startCodeServer, takesPayloadEnvironment, writeSettings } from './lib/code-server.mjs';
import { installExtensionFolder } from './lib/extension-folder.mjs';
import { killAllGroups, onInterrupt } from './lib/processes.mjs';
import { startRequestRecorder } from './lib/request-recorder.mjs';

const { values: opt } = parseArgs({
  options: {
    tests: { type: 'string', default: 'out/test/integration/index.js' },
    env: { type: 'string', default: '{}' },
    settings: { type: 'string', default: '{}' },
    workspace: { type: 'string' },
    timeout: { type: 'string', default: '900' }, // a watchdog for a hung run: a loaded machine takes over 300 s
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    vscode: { type: 'string', default: '1.139' },
    extension: { type: 'string', multiple: true, default: [] },
  },
});

const testsPath = path.resolve(opt.tests);
for (const [file, hint] of [
  [testsPath, 'npx tsc -p .'],
  [path.join(ROOT, 'dist/extension.js'), 'node esbuild.mjs'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`missing ${path.relative(ROOT, file)}: run  ${hint}`);
    process.exit(1);
  }
}
requireInstalled(opt.vscode);

const started = Date.now();
const state = createState('integration');
const requestLog = path.join(state.dir, 'requests.jsonl');
// A known token the tests use against their local servers; afterwards no file of the run but its own may hold it.
// Passed as a file: code-server keeps the workbench URL, with the extension environment, in user-data/coder.json.
const secret = `plx-test-secret-${randomBytes(12).toString('hex')}`;
const secretFile = path.join(state.dir, 'test-secret.txt');
fs.writeFileSync(secretFile, secret);
const recorder = await startRequestRecorder(requestLog);
const resources = [];
let exitCode = 1;
async function cleanup() {
  for (const close of resources.reverse()) await close().catch(() => {});
  await recorder.close();
  await killAllGroups();
  if (exitCode === 0 && !opt.keep) fs.rmSync(state.dir, { recursive: true, force: true });
  else console.error(`state dir kept: ${path.relative(process.cwd(), state.dir)} (code-server.log, window logs)`);
}
onInterrupt(cleanup);

try {
  const extensionEnvironment = {
    POLYAXON_HOST: recorder.url,
    POLYAXON_TEST_REQUEST_LOG: requestLog,
    POLYAXON_TEST_SECRET_FILE: secretFile,
    ...JSON.parse(opt.env),
  };
  writeSettings(state, { 'polyaxon.host': recorder.url, ...JSON.parse(opt.settings) });
  for (const dir of opt.extension) installExtensionFolder(state, path.resolve(dir), { vscode: opt.vscode });
  const server = await startCodeServer(state, {
    smokeTestDriver: true,
    folder: opt.workspace ? path.resolve(opt.workspace) : undefined,
    vscode: opt.vscode,
    extraEnv: takesPayloadEnvironment(opt.vscode) ? {} : extensionEnvironment,
  });
  resources.push(server.stop);
  const { page, close } = await launchBrowser();
  resources.push(close);

  // The workbench calls window.codeAutomationExit(code, logs) once run() settles: 0 resolved, 1 rejected.
  let finish;
  const finished = new Promise((resolve) => {
    finish = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    for (const log of logs ?? []) {
      // the window's log files
      const file = path.join(state.dir, 'window-logs', log.relativePath);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, log.contents);
    }
    finish(code);
  });
  const stopForwarding = forwardConsole(page, { verbose: opt.verbose });
  await page.goto(
    workbenchUrl(server.url, {
      folder: opt.workspace ?? state.workspace,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsPath,
      extensionEnvironment,
    }),
    { waitUntil: 'domcontentloaded', timeout: 180_000 },
  ); // a loaded machine serves the workbench slowly

  const timeoutMs = Number(opt.timeout) * 1000;
  let timer;
  const code = await Promise.race([
    finished,
    new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  stopForwarding();
  if (code === 'timeout') console.error(`integration tests: no result after ${opt.timeout} s${server.logTail()}`);
  exitCode = code === 0 ? 0 : 1;
  await server.stop(); // flushes its logs and state databases
  const leaks = filesContaining(state.dir, secret).filter((file) => file !== path.relative(state.dir, secretFile));
  if (leaks.length) {
    exitCode = 1;
    console.error(`secret scan: the test token is in ${leaks.length} file(s) of the run:\n  ${leaks.join('\n  ')}`);
  } else
    console.error(
      `secret scan: the test token is in none of the ${countFiles(state.dir)} files of the run (logs, output channels, settings, state, workspace)`,
    );
  console.error(`integration tests in VS Code ${opt.vscode}: exit code ${code} (${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
} catch (e) {
  console.error(e);
}
await cleanup();
process.exit(exitCode);

/** Files under `dir` whose bytes hold `needle` (as UTF-8 or UTF-16LE, as SQLite and Chromium may store it). */
function filesContaining(dir, needle) {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return walk(dir)
    .filter((file) => {
      const bytes = fs.readFileSync(file);
      return patterns.some((p) => bytes.includes(p));
    })
    .map((file) => path.relative(dir, file));
}

function countFiles(dir) {
  return walk(dir).length;
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return e.isFile() ? [full] : [];
  });
}
