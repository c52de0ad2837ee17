#!/usr/bin/env node
// The activation time that a real VS Code (code-server 4.139.1) shows for the extension in Developer: Show Running
// Extensions, against an empty extension installed beside it (activated on the same event, in the same window).
// Each sample is a fresh window (a new extension host); prints one JSON line: {codeServer, ours: [ms…], empty: [ms…],
// failures: [why…]} or {skipped: why}.
//
// Running Extensions is a virtualised list sorted by activation time, slowest first, 70 px a row: only the rows in view
// exist in the page. Code-server activates about 15 extensions at start-up (Emmet, Git, GitHub, Merge Conflict…), so
// the empty extension, the fastest, was often below the fold of a 900 px window, and its row never appeared: "no
// activation time". The browser window is therefore tall enough for every row.
//
//   node test/bench/vscodeActivation.mjs --vsix polyaxon-dev-environments.vsix [--samples 5]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../vscode-web/lib/browser.mjs';
import { VSCODE_VERSIONS, createState, installVsix, isInstalled, startCodeServer } from '../vscode-web/lib/code-server.mjs';
import { installExtensionFolder } from '../vscode-web/lib/extension-folder.mjs';
import { killAllGroups } from '../vscode-web/lib/processes.mjs';
import { openWorkbench, runCommand, waitUntil } from '../vscode-web/lib/workbench.mjs';

const { values: opt } = parseArgs({ options: { vsix: { type: 'string' }, samples: { type: 'string', default: '5' } } });

const OURS = 'Polyaxon Dev Environments';
/** Room for 50 rows of Running Extensions (70 px each) below the title and tab bars. */
const VIEWPORT = { width: 1400, height: 4000 };
const EMPTY = 'Empty Baseline Extension';

/** An extension that does nothing, activated on the same event as ours. */
function emptyExtension(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = () => {};\nexports.deactivate = () => {};\n');
  const manifest = {
    name: 'empty-baseline',
    displayName: EMPTY,
    publisher: 'bench',
    version: '0.0.1',
    engines: { vscode: '^1.90.0' },
    activationEvents: ['onStartupFinished'],
    main: './extension.js',
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** The "Activation: 12ms" (or "Startup Activation: …") of each named row, once both rows have one. */
async function activationTimes(page) {
  const read = async () => {
    const rows = await page.locator('.runtime-extensions-editor .monaco-list-row').allInnerTexts();
    const ms = (name) => {
      const row = rows.find((r) => r.includes(name));
      const m = row && /Activation: (\d+(?:\.\d+)?)ms/.exec(row);
      return m ? Number(m[1]) : undefined;
    };
    const times = { ours: ms(OURS), empty: ms(EMPTY) };
    seen = rows.map((r) => r.split('\n')[0]).join(', ');
    return times.ours !== undefined && times.empty !== undefined ? times : undefined;
  };
  let seen = '';
  return waitUntil(read, () => `no activation time for "${OURS}" and "${EMPTY}" in Running Extensions (rows: ${seen || 'none'})`, {
    timeout: 60000,
  });
}

async function main() {
  if (!isInstalled()) return { skipped: 'code-server is not installed here (npm test installs it: test/vscode-web/setup.sh)' };
  if (!opt.vsix || !fs.existsSync(opt.vsix)) return { skipped: `no package at ${opt.vsix} (npm run package)` };
  const state = createState('bench-activation');
  try {
    installVsix(state, opt.vsix);
    installExtensionFolder(state, emptyExtension(path.join(state.tmp, 'empty-baseline')));
    const server = await startCodeServer(state);
    const { page, close } = await launchBrowser({ viewport: VIEWPORT });
    const ours = [];
    const empty = [];
    const failures = [];
    try {
      for (let i = 0; i < Number(opt.samples); i++) {
        try {
          await openWorkbench(page, server.url); // a fresh window: a new extension host, every extension activated anew
          await runCommand(page, 'Developer: Show Running Extensions');
          const times = await activationTimes(page);
          ours.push(times.ours);
          empty.push(times.empty);
        } catch (e) {
          failures.push(`window ${i + 1}: ${e?.message ?? e}`); // the other windows still count
        }
      }
    } finally {
      await close();
      await server.stop();
    }
    return { codeServer: VSCODE_VERSIONS['1.139'].codeServer, ours, empty, failures };
  } finally {
    await killAllGroups();
    fs.rmSync(state.dir, { recursive: true, force: true });
  }
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  },
);
