// One sample of the activation figures, in a fresh Node process (bench.ts starts one per sample):
//   node activationSample.js BUNDLE activate        → {"ms"}: require(BUNDLE) + activate() with the vscode stand-in
//   node activationSample.js BUNDLE first-request   → {"ms"}: after activation, the first list of services
//                                                     ($POLYAXON_HOST, $BENCH_PROJECT), started one task later
//   node activationSample.js BUNDLE warm-request    → {"ms"}: the same, started once the extension host is idle
//   node activationSample.js BUNDLE first-command   → {"ms"}: after activation, the first run of $BENCH_COMMAND, which
//                                                     loads its feature's file (dist/feature-<name>.js)
//   node activationSample.js BUNDLE preloaded-command → {"ms"}: the same with $BENCH_FEATURE_FILE required before
//                                                     activation, as when every feature was in dist/extension.js
import Module from 'module';
import * as path from 'path';
import { performance } from 'perf_hooks';

interface TestApi {
  connections: { get(): Promise<{ owner: string; client: { listRuns(ref: object, opts: object): Promise<unknown> } }> };
}

/**
 * The Node modules that VS Code's extension host has loaded before any extension: the static imports of
 * out/vs/workbench/api/node/extensionHostProcess.js in code-server 4.139.1 (Code 1.139). Loaded here before the clock
 * starts, for every bundle alike, so that an extension is not charged for what the host has already paid.
 */
const EXTENSION_HOST_MODULES = ['child_process', 'crypto', 'events', 'fs', 'http', 'module', 'net', 'os', 'stream', 'url', 'util', 'zlib'];

const [bundle, mode] = process.argv.slice(2);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see EXTENSION_HOST_MODULES
for (const name of EXTENSION_HOST_MODULES) require(name);
const standIn = require.resolve('./vscodeStandIn');
const modules = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolve = modules._resolveFilename.bind(Module);
modules._resolveFilename = (request, ...rest) => (request === 'vscode' ? standIn : resolve(request, ...rest));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded before the clock starts, under the name 'vscode'
const vscode = require(standIn) as typeof import('./vscodeStandIn');

const nextTask = () => new Promise((r) => setTimeout(r, 0));

async function main(): Promise<number> {
  const context = vscode.extensionContext(
    path.dirname(path.dirname(bundle)),
    mode.endsWith('request') ? vscode.ExtensionMode.Test : vscode.ExtensionMode.Production,
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- "today": the feature's code loaded with the core
  if (mode === 'preloaded-command') require(process.env.BENCH_FEATURE_FILE ?? '');
  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- what VS Code does with `main`
  const extension = require(bundle) as { activate?(c: unknown): unknown };
  const api = (await extension.activate?.(context)) as TestApi | undefined;
  if (mode === 'activate') return performance.now() - started;
  if (mode === 'first-command' || mode === 'preloaded-command') {
    await nextTask();
    const t = performance.now();
    await vscode.commands.executeCommand(process.env.BENCH_COMMAND ?? '');
    return performance.now() - t;
  }

  if (!api) throw new Error(`${bundle} returned no test API in Test mode`);
  // A view's first request reaches the extension host over IPC, at the earliest one task after activate() returned;
  // "warm" waits until whatever activation deferred has run, as when axios was loaded by activate() itself.
  if (mode === 'warm-request') await new Promise((r) => setTimeout(r, 300));
  else await nextTask();
  const t = performance.now();
  const conn = await api.connections.get();
  await conn.client.listRuns({ owner: conn.owner, project: process.env.BENCH_PROJECT }, { query: 'kind:service', limit: 20 });
  return performance.now() - t;
}

main().then(
  (ms) => {
    process.stdout.write(JSON.stringify({ ms }));
    process.exit(0);
  },
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
