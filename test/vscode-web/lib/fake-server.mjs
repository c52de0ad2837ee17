// The fake Polyaxon server (test/fake-polyaxon, compiled to out/) as a separate process, via its CLI.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './code-server.mjs';
import { freePort, killGroup, spawnGroup, waitForHttp } from './processes.mjs';

const MAIN = path.join(ROOT, 'out/test/fake-polyaxon/main.js');

export async function startFakeServerProcess({ port, seed = 'demo', logFile, args = [] }) {
  if (!fs.existsSync(MAIN)) throw new Error(`missing ${path.relative(ROOT, MAIN)}: run  npx tsc -p .`);
  port ??= await freePort();
  const child = spawnGroup(process.execPath, [MAIN, '--port', String(port), '--seed', seed, ...args], { logFile });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, { child, logFile });
  return { url, pid: child.pid, stop: () => killGroup(child.pid) };
}
