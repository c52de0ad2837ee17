// `npm run bench`: the extension's speed and resource figures, printed as a table.
// Runs against the local fake Polyaxon on 127.0.0.1 only; every loop is bounded in count.
import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import { PolyaxonClient } from '../../src/polyaxon/client';
import { buildCreateBody, checkParams, loadServicePolyaxonfile } from '../../src/polyaxonfile';
import { fetchServices } from '../../src/services/serviceList';
import { startFakePolyaxon } from '../fake-polyaxon/server';

const root = path.resolve(__dirname, '../../..');
const rows: [string, string, string][] = [];
const row = (what: string, value: string, how: string) => rows.push([what, value, how]);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeMany(n: number, fn: () => Promise<unknown> | unknown): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

function bundleFigures(): void {
  const bundle = path.join(root, 'dist/extension.js');
  row('bundle size (dist/extension.js, minified)', `${(fs.statSync(bundle).size / 1024).toFixed(0)} KiB`, 'npm run build');
  // Load the bundle with a stand-in `vscode` module: the cost VS Code pays before activate() (no network: nothing runs yet).
  const resolve = (Module as unknown as { _resolveFilename: (r: string, ...a: unknown[]) => string })._resolveFilename;
  const stub = path.join(__dirname, 'vscode-stub.js');
  fs.writeFileSync(stub, 'module.exports = {};');
  (Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = (request: string, ...rest: unknown[]) => (request === 'vscode' ? stub : resolve(request, ...rest));
  const t = process.hrtime.bigint();
  Module.createRequire(__filename)(bundle);
  row('bundle load time (require, cold)', `${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(1)} ms`, 'one require() in Node');
  const vsix = path.join(root, 'polyaxon-dev-environments.vsix');
  if (fs.existsSync(vsix)) row('.vsix size', `${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`, 'npm run package');
}

async function clientFigures(): Promise<void> {
  const server = await startFakePolyaxon({ seed: 'demo', operator: false });
  try {
    const client = new PolyaxonClient({ host: server.url });
    const ref = { owner: 'default', project: 'my-project-alice' };
    const list = await timeMany(200, () => client.listRuns(ref, { query: 'kind:service', limit: 20 }));
    row('listRuns round trip, median / p95', `${list.median.toFixed(2)} / ${list.p95.toFixed(2)} ms`, '200 calls, local fake');

    // A project with a long history: what one refresh of the tree costs.
    server.addProject('long-history');
    const big = { owner: 'default', project: 'long-history' };
    for (let i = 0; i < 2000; i++) server.addRun('long-history', { name: `job-${i}`, kind: i % 10 === 0 ? 'service' : 'job', status: i % 10 === 0 ? (i % 20 === 0 ? 'running' : 'stopped') : 'succeeded' });
    const before = server.requests.length;
    const refresh = await timeMany(20, () => fetchServices(client, big, 'active'));
    const perRefresh = (server.requests.length - before) / 20;
    row('tree refresh of a 2,000-run project (200 services)', `${refresh.median.toFixed(1)} ms, ${perRefresh} requests`, 'median of 20, server-side query');
    const naiveBefore = server.requests.length;
    const naive = await timeMany(3, () => client.listAllRuns(big, { limit: 100 }));
    row('…the same by paging through every run', `${naive.median.toFixed(1)} ms, ${(server.requests.length - naiveBefore) / 3} requests`, 'what the filter avoids');

    const pf = loadServicePolyaxonfile(fs.readFileSync(path.join(root, 'polyaxonfiles/vscode-service.yml'), 'utf8'), 'vscode-service.yml');
    const params = { DOCKER_IMAGE: 'asia.gcr.io/p/vscode-server:0.1.0', WORKING_DIR: '/polyaxon-v1-data' };
    const build = await timeMany(500, () => {
      const file = loadServicePolyaxonfile(fs.readFileSync(path.join(root, 'polyaxonfiles/vscode-service.yml'), 'utf8'), 'vscode-service.yml');
      checkParams(file, params);
      return buildCreateBody(file, params, { v2: false });
    });
    row('parse + check + build a launch body', `${build.median.toFixed(2)} ms (p95 ${build.p95.toFixed(2)})`, `500 runs; body ${JSON.stringify(buildCreateBody(pf, params, { v2: false })).length} bytes`);
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  bundleFigures();
  await clientFigures();
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'value', 'how'][i].length));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(['figure', 'value', 'how']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
