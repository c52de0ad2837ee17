// A real Jupyter server behind a sandbox Jupyter service, started with the settings of the bundled polyaxonfile
// (polyaxonfiles/jupyter-service.yml): its container args, rendered with the run's globals, so base_url, the empty
// token and the framing policy are the file's own. Used by `npm run demo`, the UI tests and the kernel round trip.
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import type { Run } from '../../src/polyaxon/types';
import { render } from './compile';
import type { ServiceBackend } from './services';

export const BUNDLED_JUPYTER_POLYAXONFILE = path.resolve(__dirname, '../../../polyaxonfiles/jupyter-service.yml');

/**
 * The polyaxonfile runs `jupyter lab`. Jupyter Lab is not packaged in Debian: the classic notebook (6.4, the
 * AISG image's era, reads the file's `NotebookApp` settings) or a bare `jupyter server` (`ServerApp`) stand in.
 */
const SUBCOMMANDS = ['lab', 'notebook', 'server'];

/** The first of `jupyter lab|notebook|server` that is installed, or undefined. */
export function installedJupyter(preferred: string): string | undefined {
  for (const sub of [preferred, ...SUBCOMMANDS.filter((s) => s !== preferred)]) {
    try {
      execFileSync('jupyter', [sub, '--version'], { stdio: 'ignore', timeout: 20000 });
      return sub;
    } catch {
      // not installed: try the next
    }
  }
  return undefined;
}

export interface JupyterLaunch {
  subcommand: string;
  args: string[];
}

/**
 * The polyaxonfile's `jupyter …` command line for one run. Only the listen address changes: the sandbox keeps a
 * token-less Jupyter on 127.0.0.1, the fake gateway in front of it being the way in.
 */
export function jupyterLaunch(polyaxonfile: string, globals: { base_url: string; port: number; workingDir: string }): JupyterLaunch {
  const doc = YAML.parse(fs.readFileSync(polyaxonfile, 'utf8')) as { run?: { container?: { command?: unknown; args?: unknown } } };
  const command = doc.run?.container?.command;
  const args = doc.run?.container?.args;
  if (!Array.isArray(command) || command[0] !== 'jupyter' || !Array.isArray(args)) {
    throw new Error(`${polyaxonfile}: expected run.container.command [jupyter, …] and run.container.args`);
  }
  const scope = { globals: { base_url: globals.base_url, ports: [globals.port], run_outputs_path: globals.workingDir } };
  const rendered = render(args.map(String), scope).map((a) => (a.startsWith('--ip=') ? '--ip=127.0.0.1' : a));
  return { subcommand: String(command[1] ?? 'lab'), args: rendered };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function tail(file: string): string {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-15).join('\n') : '';
  return text ? `\n--- ${file} ---\n${text}` : '';
}

async function waitForApi(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`jupyter exited (${child.exitCode}) before ${url} answered${tail(logFile)}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms${tail(logFile)}`);
}

/** Stops a process group: TERM, then KILL after a grace period. */
async function killGroup(pid: number, graceMs = 5000): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  for (const end = Date.now() + graceMs; Date.now() < end && alive();) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
  }
}

export interface JupyterBackendOptions {
  /** Each service gets a folder here: its working dir `work/`, Jupyter's config/data/runtime dirs, jupyter.log. */
  stateDir: string;
  polyaxonfile?: string;
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

const isJupyterRun = (run: Run) => /jupyter|notebook/i.test([run.name ?? '', ...(run.tags ?? [])].join(' '));

/** A ServiceBackend for Jupyter services only (others: undefined, i.e. the fake's own page); undefined without Jupyter. */
export function jupyterBackend(opts: JupyterBackendOptions): (ServiceBackend & { subcommand: string }) | undefined {
  const polyaxonfile = opts.polyaxonfile ?? BUNDLED_JUPYTER_POLYAXONFILE;
  const subcommand = installedJupyter(jupyterLaunch(polyaxonfile, { base_url: '/', port: 0, workingDir: os.tmpdir() }).subcommand);
  if (!subcommand) return undefined;
  const running = new Map<string, number>();
  // Last resort when the process exits without stopping the sandbox: no Jupyter outlives it.
  process.once('exit', () => {
    for (const pid of running.values()) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
  return {
    subcommand,
    async start(run: Run, { baseUrl, rewritePath }) {
      // the demo seed walks runs through `running` to their final status in one go: start only what stays running
      await new Promise((resolve) => setImmediate(resolve));
      if (run.status !== 'running' || !isJupyterRun(run)) return undefined;
      const dir = path.join(opts.stateDir, `jupyter-${run.uuid.slice(0, 8)}`);
      // Jupyter's own files next to, not inside, the folder it shows
      const workingDir = path.join(dir, 'work');
      fs.mkdirSync(workingDir, { recursive: true });
      fs.writeFileSync(
        path.join(workingDir, 'README.md'),
        `# ${run.name}\n\nThe sandbox's stand-in for the cluster Jupyter of run ${run.uuid}.\n`,
      );
      const port = await freePort();
      // With rewritePath the gateway strips the prefix, and Polyaxon then gives base_url "/".
      const launch = jupyterLaunch(polyaxonfile, { base_url: rewritePath ? '/' : baseUrl, port, workingDir });
      const logFile = path.join(dir, 'jupyter.log');
      const out = fs.openSync(logFile, 'a');
      const env = {
        ...process.env,
        JUPYTER_CONFIG_DIR: path.join(dir, 'config'),
        JUPYTER_DATA_DIR: path.join(dir, 'data'),
        JUPYTER_RUNTIME_DIR: path.join(dir, 'runtime'),
        IPYTHONDIR: path.join(dir, 'ipython'),
      };
      // Its own process group: the kernels it starts are stopped with it.
      const child = spawn('jupyter', [subcommand, ...launch.args], { cwd: dir, env, detached: true, stdio: ['ignore', out, out] });
      fs.closeSync(out);
      if (child.pid === undefined) throw new Error('could not start jupyter');
      running.set(run.uuid, child.pid);
      const base = rewritePath ? '' : baseUrl.replace(/\/+$/, '');
      try {
        await waitForApi(`http://127.0.0.1:${port}${base}/api`, child, logFile, opts.startTimeoutMs ?? 60000);
      } catch (e) {
        running.delete(run.uuid);
        await killGroup(child.pid);
        opts.log?.(`sandbox: ${run.name} ${run.uuid.slice(0, 8)}: ${(e as Error).message}`);
        throw e;
      }
      opts.log?.(`sandbox: ${run.name} ${run.uuid.slice(0, 8)} -> jupyter ${subcommand} http://127.0.0.1:${port}${base}/`);
      return { target: `http://127.0.0.1:${port}` };
    },
    async stop(run: Run) {
      const pid = running.get(run.uuid);
      running.delete(run.uuid);
      if (pid !== undefined) {
        await killGroup(pid);
        opts.log?.(`sandbox: stopped the Jupyter of ${run.name} ${run.uuid.slice(0, 8)}`);
      }
    },
  };
}
