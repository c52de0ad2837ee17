// Child processes that must never outlive a test run. Each one is started as the leader of its own process group
// (detached = setsid), because code-server spawns an extension host, a pty host and file watchers: killing only
// its PID would leave those running. We kill the whole group: TERM, then KILL after a grace period.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const groups = new Set();

/** Starts `command` in a new process group, stdout+stderr appended to `logFile`. */
export function spawnGroup(command, args, { env = process.env, cwd, logFile }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { env, cwd, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  groups.add(child.pid);
  child.once('exit', () => groups.delete(child.pid));
  return child;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function killGroup(pid, graceMs = 5000) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    groups.delete(pid);
    return;
  }
  for (const end = Date.now() + graceMs; Date.now() < end && groupAlive(pid);) await sleep(100);
  if (groupAlive(pid))
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
  groups.delete(pid);
}

export const killAllGroups = () => Promise.all([...groups].map((pid) => killGroup(pid)));

// Last resort when the runner exits without cleaning up (uncaught error, process.exit in a hurry).
process.on('exit', () => {
  for (const pid of groups)
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
});

/** Runs `cleanup` once on Ctrl-C / SIGTERM, then exits 130 / 143. */
export function onInterrupt(cleanup) {
  let busy = false;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(signal, async () => {
      if (busy) return;
      busy = true;
      console.error(`\n${signal}: stopping everything…`);
      await Promise.resolve(cleanup()).catch((e) => console.error(e));
      await killAllGroups();
      process.exit(code);
    });
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Waits until `url` answers any HTTP status; fails early when `child` exits. */
export async function waitForHttp(url, { timeoutMs = 30000, child, logFile } = {}) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) throw new Error(`${url}: process exited (${child.exitCode})${tail(logFile)}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms${tail(logFile)}`);
}

export function tail(file, lines = 20) {
  if (!file || !fs.existsSync(file)) return '';
  return `\n--- last lines of ${file} ---\n` + fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
