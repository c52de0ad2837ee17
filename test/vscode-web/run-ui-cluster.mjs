#!/usr/bin/env node
// The extension inside the cluster's VS Code, driven in a real browser (issue 23, majors 1 and 4): the local VS Code
// (code-server with the .vsix) shows the sandbox's running VS Code service in a tab; that service is a second real
// code-server with the same .vsix installed and the variables a Polyaxon service sets, as the bundled polyaxonfile
// gives a cluster's VS Code. Inside it, Clone Repository clones over HTTPS (git's own url.insteadOf points the https
// URL at a local bare repository: no network), and Ctrl+Alt+O gives the keyboard back to the local VS Code.
//
//   node test/vscode-web/run-ui-cluster.mjs [--vsix FILE] [--keep] [--verbose]
// Needs: setup.sh done, `tsc -p .` (out/test/fake-polyaxon). Prints `N passed, N failed`; exit 1 on any failure.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clusterSteps } from '../e2e/clusterVSCode.steps.mjs';
import { workbenchUrl } from './lib/browser.mjs';
import { ROOT, createState, installVsix, requireInstalled } from './lib/code-server.mjs';
import { realServiceBackends } from './lib/service-backends.mjs';
import { runSteps, uiRun } from './lib/ui-steps.mjs';
import { openWorkbench } from './lib/workbench.mjs';

const { values: opt } = parseArgs({
  options: { vsix: { type: 'string' }, keep: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
});
const PROJECT = 'my-project-alice';
const RESULTS = path.join(ROOT, 'test-results/ui-cluster');

requireInstalled();
const vsix = opt.vsix ? path.resolve(opt.vsix) : packageExtension();
const run = uiRun('ui-cluster', { results: RESULTS, keep: opt.keep });
const { state, resources } = run;
let passed = 0;

try {
  const { bareRepo } = createRequire(import.meta.url)(path.join(ROOT, 'out/test/integration-incluster/gitStandIn.js'));
  const git = bareRepo(path.join(state.dir, 'git'));
  const workspaceRoot = path.join(state.dir, 'polyaxon-v1-data', 'workspaces');
  fs.mkdirSync(workspaceRoot, { recursive: true });
  const { startFakePolyaxon } = await import(path.join(ROOT, 'out/test/fake-polyaxon/server.js'));
  const fakeLog = path.join(state.dir, 'fake-polyaxon.log');
  const fake = await startFakePolyaxon({
    seed: 'demo',
    log: (line) => fs.appendFileSync(fakeLog, `${line}\n`),
    serviceBackend: realServiceBackends({
      stateDir: path.join(state.dir, 'services'),
      log: (line) => fs.appendFileSync(fakeLog, `${line}\n`),
      vsix,
      polyaxonHost: () => fake?.url,
      serviceSettings: { 'polyaxon.workspaceRoot': workspaceRoot },
      serviceEnv: git.gitEnv,
    }),
  });
  resources.push(() => fake.close());
  const local = createState('local', { parent: state.dir, settings: { 'polyaxon.host': fake.url, 'polyaxon.project': PROJECT } });
  installVsix(local, vsix);
  const { server, page } = await run.workbench(local, { verbose: opt.verbose });
  const workbenchStep = {
    name: 'the local VS Code loads',
    run: () => openWorkbench(page, workbenchUrl(server.url, { folder: local.workspace })),
  };
  const ctx = { page, project: PROJECT, fakeUrl: fake.url, workspaceRoot, cloneUrl: git.url };
  ({ passed, failed: run.failed } = await runSteps(page, [workbenchStep, ...clusterSteps], ctx, { results: RESULTS }));
} catch (e) {
  run.failed++;
  console.error(`setup failed: ${e?.stack ?? e}`);
}
await run.finish(passed);

function packageExtension() {
  console.error('packaging the extension (npm run package)…');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return path.join(ROOT, 'polyaxon-dev-environments.vsix');
}
