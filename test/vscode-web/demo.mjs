#!/usr/bin/env node
// Try the extension by hand in a real VS Code in your browser, against a sandbox Polyaxon or a real one.
//
//   npm run demo [-- --port 8080] [--sandbox-port 8117]      sandbox: the fake Polyaxon server (seed demo);
//                                                             a running VS Code service is a real code-server,
//                                                             a running Jupyter service a real Jupyter server
//   npm run demo -- --polyaxon v2                             the sandbox answers like Polyaxon v2 (haupt 2.5.2 and
//                                                             its agent): service paths carry the /{port}/ segment
//   npm run demo -- --host http://localhost:8000 [--project P] a real Polyaxon (e.g. behind polyaxon port-forward)
//   --vsix FILE: install that package instead of running `npm run package`
//
// Builds and packages the extension, installs code-server if needed (setup.sh), starts everything on 127.0.0.1,
// prints the URL to open, and stops every process it started on Ctrl-C.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, SETUP_SCRIPT, createState, installVsix, isInstalled, startCodeServer } from './lib/code-server.mjs';
import { killAllGroups, onInterrupt } from './lib/processes.mjs';
import { realServiceBackends } from './lib/service-backends.mjs';

const { values: opt } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    'sandbox-port': { type: 'string', default: '8117' },
    polyaxon: { type: 'string', default: 'v1' },
    host: { type: 'string' },
    project: { type: 'string' },
    vsix: { type: 'string' },
  },
});

const STATE_DIR = path.join(ROOT, '.demo');
const log = (line) => console.log(`[demo] ${line}`);
const run = (command, args) => {
  log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' }).status;
};

if (!['v1', 'v2'].includes(opt.polyaxon)) {
  console.error(`[demo] --polyaxon ${opt.polyaxon}: say v1 (CE 1.11.3, the default) or v2 (2.5.2)`);
  process.exit(2);
}
const vsix = opt.vsix ? path.resolve(opt.vsix) : path.join(ROOT, 'polyaxon-dev-environments.vsix');
if (!opt.vsix && run('npm', ['run', 'package']) !== 0) await fail('packaging failed (output above)');
if (!isInstalled() && run('bash', [SETUP_SCRIPT]) !== 0) await fail('code-server setup failed (output above); the demo needs it');

fs.rmSync(STATE_DIR, { recursive: true, force: true });
let sandbox;
onInterrupt(async () => {
  await sandbox?.close();
  fs.rmSync(STATE_DIR, { recursive: true, force: true });
});

let host = opt.host;
let project = opt.project;
if (!host) {
  sandbox = await startSandbox();
  host = sandbox.url;
  project ??= 'my-project-alice';
}

const state = createState('vscode', {
  parent: STATE_DIR,
  settings: { 'polyaxon.host': host, ...(project ? { 'polyaxon.project': project } : {}) },
});
installVsix(state, vsix);
const vscode = await startCodeServer(state, { port: Number(opt.port) }).catch((e) =>
  fail(`VS Code did not start on port ${opt.port}: ${e.message}`),
);
console.log(`
  Open:      ${vscode.url}?folder=${encodeURIComponent(state.workspace)}
  Polyaxon:  ${host} (${sandbox ? `sandbox ${opt.polyaxon}` : 'real'}${project ? `, project ${project}` : ''})
  Logs:      ${path.relative(process.cwd(), STATE_DIR)}/        Ctrl-C stops everything.
`);

async function startSandbox() {
  const server = path.join(ROOT, 'out/test/fake-polyaxon/server.js');
  // the fake server is TypeScript: compile the tests (type errors elsewhere in a work tree still emit it)
  try {
    execFileSync('npx', ['tsc', '-p', '.'], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    log('tsc reported type errors; using what it emitted');
  }
  if (!fs.existsSync(server)) await fail(`missing ${path.relative(ROOT, server)} after tsc`);
  const { startFakePolyaxon } = await import(server);
  const requestLog = path.join(STATE_DIR, 'polyaxon.log');
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const fake = await startFakePolyaxon({
    port: Number(opt['sandbox-port']),
    polyaxonVersion: opt.polyaxon,
    seed: 'demo',
    log: (line) => fs.appendFileSync(requestLog, `${new Date().toISOString()} ${line}\n`),
    serviceBackend: realServiceBackends({ stateDir: path.join(STATE_DIR, 'services'), log, vsix, polyaxonHost: () => fake?.url }),
  }).catch((e) => fail(`sandbox did not start on port ${opt['sandbox-port']}: ${e.message}`));
  log(`sandbox Polyaxon ${opt.polyaxon} on ${fake.url} (seed demo)`);
  return fake;
}

async function fail(message) {
  console.error(`[demo] ${message}`);
  await sandbox?.close();
  await killAllGroups();
  process.exit(1);
}
