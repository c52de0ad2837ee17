#!/usr/bin/env node
// End-to-end UI test: the packaged extension (.vsix) installed in a real VS Code (code-server), the fake Polyaxon
// server (seed demo) as its backend, driven through Debian's chromium with playwright-core. The steps live in
// test/e2e/steps.mjs; each one is timed and screenshotted into test-results/ui/.
//
//   node test/vscode-web/run-ui.mjs [--vsix FILE] [--only TEXT] [--update-screenshots] [--keep] [--verbose]
//
// --vsix                reuse a package instead of running `npm run package`
// --only                run only the steps whose name matches the regular expression TEXT (after the workbench step)
// --update-screenshots  copy the screenshots of passing steps that name one into media/screenshots/
// Needs: setup.sh done, `tsc -p .` (out/test/fake-polyaxon). Prints `N passed, N failed`; exit 1 on any failure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { steps } from '../e2e/steps.mjs';
import { ROOT, installVsix, readSettings, requireInstalled, writeSettings } from './lib/code-server.mjs';
import { startFakeServerProcess } from './lib/fake-server.mjs';
import { freePort } from './lib/processes.mjs';
import { vsixFiles, vsixProblems } from './lib/vsix-contents.mjs';
import { runSteps, uiRun } from './lib/ui-steps.mjs';
import { screenshot } from './lib/workbench.mjs';

const { values: opt } = parseArgs({
  options: {
    vsix: { type: 'string' },
    only: { type: 'string' },
    'update-screenshots': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const RESULTS = path.join(ROOT, 'test-results/ui');
const MEDIA = path.join(ROOT, 'media/screenshots');
const PROJECT = 'my-project-alice';

requireInstalled();
const vsix = opt.vsix ? path.resolve(opt.vsix) : packageExtension();
const run = uiRun('ui', { results: RESULTS, keep: opt.keep });
const { state, resources } = run;

const selected = steps.filter((s, i) => i === 0 || !opt.only || new RegExp(opt.only, 'i').test(s.name));
let passed = 0;
try {
  const fake = await startFakeServerProcess({
    seed: 'demo',
    logFile: path.join(state.dir, 'fake-polyaxon.log'),
    args: ['--jupyter', path.join(state.dir, 'services')],
  });
  resources.push(fake.stop);
  writeSettings(state, { 'polyaxon.host': fake.url, 'polyaxon.project': PROJECT });
  installVsix(state, vsix);
  installVsix(state, packageApiProbe(state)); // another extension, to see what activate() hands out in production
  // plain mode (no smoke-test driver): notification toasts and modal dialogs show as they do for a user
  const { server, page } = await run.workbench(state, { verbose: opt.verbose });

  // what a step gets; steps may add fields for later steps (e.g. the run they launched)
  const ctx = {
    page,
    project: PROJECT,
    fakeUrl: fake.url,
    codeServerUrl: server.url,
    workspace: state.workspace,
    /** JSON from the fake server's API, e.g. api('/api/v1/default/my-project-alice/runs') */
    api: async (apiPath, init) => {
      const res = await fetch(new URL(apiPath, fake.url), init);
      if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${apiPath}: HTTP ${res.status}`);
      return res.json();
    },
    /** Changes user settings the way editing settings.json does; VS Code reloads them. */
    updateSettings: (patch) => writeSettings(state, { ...readSettings(state), ...patch }),
    freePort,
    /** A screenshot in the middle of a step (a dialog, a wizard step); copied like the others with --update-screenshots. */
    screenshot: async (name) => {
      const file = await screenshot(page, path.join(RESULTS, `${name}.png`));
      if (opt['update-screenshots']) {
        fs.mkdirSync(MEDIA, { recursive: true });
        fs.copyFileSync(file, path.join(MEDIA, `${name}.png`));
      }
    },
  };

  ({ passed, failed: run.failed } = await runSteps(page, selected, ctx, {
    results: RESULTS,
    onPass: (step, shot) => {
      if (!opt['update-screenshots'] || !step.screenshot) return;
      fs.mkdirSync(MEDIA, { recursive: true });
      fs.copyFileSync(shot, path.join(MEDIA, `${step.screenshot}.png`));
    },
  }));
} catch (e) {
  run.failed++;
  console.error(`setup failed: ${e?.stack ?? e}`);
}
await run.finish(passed);

/** test/e2e/api-probe as a .vsix in the state dir. */
function packageApiProbe(state) {
  const out = path.join(state.dir, 'api-probe.vsix');
  execFileSync(
    path.join(ROOT, 'node_modules/.bin/vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out],
    { cwd: path.join(ROOT, 'test/e2e/api-probe'), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return out;
}

function packageExtension() {
  console.error('packaging the extension (npm run package)…');
  try {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    console.log('FAIL packaging the extension (npm run package, output above)\n0 passed, 1 failed');
    process.exit(1);
  }
  const vsix = path.join(ROOT, 'polyaxon-dev-environments.vsix');
  const files = vsixFiles(vsix);
  const problems = vsixProblems(files);
  if (problems.length) {
    console.log(`FAIL the .vsix contents\n       ${problems.join('\n       ')}\n0 passed, 1 failed`);
    process.exit(1);
  }
  console.log(`ok   the .vsix ships ${files.length} files, only what runs`);
  return vsix;
}
