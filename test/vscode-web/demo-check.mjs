#!/usr/bin/env node
// The README's first command, as a newcomer runs it: `npm run demo` in a fresh clone of this repository, through
// npm (so its pre-script runs `npm ci` and the set-up under npm's environment). Passes when the demo prints its
// "Open:" line, the printed VS Code and the sandbox answer, and Ctrl-C leaves no process of it behind.
// The clone shares this checkout's .vscode-test (code-server is a 1 GB build; installing it is setup.sh's own test).
// It clones the last commit: uncommitted changes are not in it.
//
//   node test/vscode-web/demo-check.mjs [--keep]
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/code-server.mjs';
import { freePort, sleep } from './lib/processes.mjs';

const keep = process.argv.includes('--keep');
const started = Date.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyaxon-demo-check-'));
const clone = path.join(dir, 'clone');
const fail = (message) => {
  console.log(`FAIL npm run demo from a fresh clone: ${message}\n0 passed, 1 failed`);
  cleanup();
  process.exit(1);
};
let child;
function cleanup() {
  if (child?.exitCode === null)
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  if (!keep) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
process.on('SIGINT', () => fail('interrupted'));

execFileSync('git', ['clone', '--quiet', ROOT, clone]);
fs.symlinkSync(path.join(ROOT, '.vscode-test'), path.join(clone, '.vscode-test'));
const [port, sandboxPort] = [await freePort(), await freePort()];
const output = [];
child = spawn('npm', ['run', 'demo', '--', '--port', String(port), '--sandbox-port', String(sandboxPort)], {
  cwd: clone,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
});
const opened = new Promise((resolve) => {
  const onData = (chunk) => {
    output.push(chunk.toString());
    const m = /Open:\s+(\S+)/.exec(output.join(''));
    if (m) resolve(m[1]);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', (c) => output.push(c.toString()));
  child.on('exit', (code) => resolve(`exited:${code}`));
});
const timeout = sleep(8 * 60_000).then(() => 'timeout');
const url = await Promise.race([opened, timeout]);
const lastLines = () => output.join('').trimEnd().split('\n').slice(-25).join('\n');
if (url === 'timeout' || url.startsWith('exited:')) fail(`no "Open:" line (${url})\n${lastLines()}`);

const page = await fetch(url).catch((e) => ({ ok: false, status: String(e) }));
if (!page.ok) fail(`${url} answered ${page.status}`);
const installation = await fetch(`http://127.0.0.1:${sandboxPort}/api/v1/installation`)
  .then((r) => r.json())
  .catch((e) => ({ error: String(e) }));
if (installation.version !== '1.11.3') fail(`the sandbox answered ${JSON.stringify(installation)}`);

// Ctrl-C, as the README says: the whole demo stops and nothing of it keeps running.
process.kill(-child.pid, 'SIGINT');
const exited = await Promise.race([new Promise((r) => child.on('exit', () => r(true))), sleep(30_000).then(() => false)]);
if (!exited && child.exitCode === null) fail('Ctrl-C did not stop npm run demo within 30 s');
let leftover = '';
for (const end = Date.now() + 15_000; Date.now() < end; await sleep(250)) {
  leftover = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(clone) && !l.includes('ps -eo'))
    .join('\n');
  if (!leftover) break;
}
if (leftover) fail(`processes left after Ctrl-C:\n${leftover}`);
console.log(
  `ok   npm run demo from a fresh clone prints "Open: ${url}", serves VS Code and the sandbox, stops on Ctrl-C (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
console.log('1 passed, 0 failed');
cleanup();
process.exit(0); // the timeout timers above would keep Node waiting
