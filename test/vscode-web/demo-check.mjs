#!/usr/bin/env node
// The README's first command, as a newcomer runs it: `npm run demo` in a fresh clone of this repository, through
// npm (so its pre-script runs `npm ci` and the set-up under npm's environment). Passes when the demo prints its
// "Open:" line, the printed VS Code and the sandbox answer, and Ctrl-C leaves no process of it behind.
// The clone shares this checkout's .vscode-test (code-server is a 1 GB build; installing it is setup.sh's own test).
// It clones the last commit: uncommitted changes are not in it.
//
//   node test/vscode-web/demo-check.mjs [--keep] [--polyaxon v2]   (v2: `npm run demo -- --polyaxon v2`, a v2 sandbox)
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/code-server.mjs';
import { freePort, sleep } from './lib/processes.mjs';

const keep = process.argv.includes('--keep');
const polyaxon = process.argv.includes('--polyaxon') ? process.argv[process.argv.indexOf('--polyaxon') + 1] : 'v1';
const expectedVersion = polyaxon === 'v2' ? '2.5.2' : '1.11.3';
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
child = spawn('npm', ['run', 'demo', '--', '--port', String(port), '--sandbox-port', String(sandboxPort), '--polyaxon', polyaxon], {
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
if (installation.version !== expectedVersion) fail(`the sandbox answered ${JSON.stringify(installation)}`);

// The seeded running VS Code service, through the sandbox's gateway at the path the extension opens (v2: with the
// /{port}/ segment), must be the real code-server behind it, not the fake's stand-in page.
const sandbox = `http://127.0.0.1:${sandboxPort}`;
const runs = await fetch(`${sandbox}/api/v1/default/my-project-alice/runs?query=kind:service,status:running`).then((r) => r.json());
const service = runs.results?.find((r) => /vscode/.test(r.name ?? ''));
if (!service) fail(`no running VS Code service in the sandbox: ${JSON.stringify(runs).slice(0, 300)}`);
const prefix = service.meta_info?.rewrite_path ? 'rewrite-services' : 'services';
const portSegment = polyaxon === 'v2' ? `${service.meta_info.ports[0]}/` : '';
const servicePath = `/${prefix}/v1/${service.settings.namespace}/default/my-project-alice/runs/${service.uuid}/${portSegment}`;
let served = '';
for (const end = Date.now() + 120_000; Date.now() < end && !served; await sleep(1000)) {
  const answer = await fetch(`${sandbox}${servicePath}`).catch(() => undefined);
  const text = answer?.ok ? await answer.text() : '';
  if (text && !text.includes('served by the fake Polyaxon gateway')) served = text;
}
if (!served) fail(`${servicePath} never served the real code-server`);

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
  `ok   npm run demo${polyaxon === 'v2' ? ' -- --polyaxon v2' : ''} from a fresh clone prints "Open: ${url}", serves VS Code and the sandbox with a real code-server at ${servicePath}, stops on Ctrl-C (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
console.log('1 passed, 0 failed');
cleanup();
process.exit(0); // the timeout timers above would keep Node waiting
