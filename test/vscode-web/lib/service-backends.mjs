// Real programs behind the sandbox's services (the fake Polyaxon server proxies /rewrite-services/… and
// /services/… to them): a VS Code service gets its own code-server, a Jupyter service a real `jupyter lab` when
// one is installed. Anything else gets undefined, which leaves the fake server's own service page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createState, isInstalled, startCodeServer } from './code-server.mjs';
import { freePort, killGroup, spawnGroup, waitForHttp } from './processes.mjs';

const hasJupyter = () => { try { execFileSync('jupyter', ['lab', '--version'], { stdio: 'ignore' }); return true; } catch { return false; } };

const flavourOf = (run) => (/jupyter|notebook/i.test(run.name ?? '') ? 'jupyter' : /vscode|code-server/i.test(run.name ?? '') ? 'vscode' : 'other');

/** A ServiceBackend for startFakePolyaxon; state dirs go under `stateDir`, logs through `log`. */
export function realServiceBackends({ stateDir, log = console.log }) {
  const running = new Map();                                  // run uuid -> process-group pid
  const jupyter = hasJupyter();
  if (!isInstalled()) log('sandbox: code-server is not installed, VS Code services show the fake server\'s page');
  if (!jupyter) log('sandbox: no `jupyter` command, Jupyter services show the fake server\'s page (pip install jupyterlab for a real one)');

  async function startVSCode(run) {
    const state = createState(`service-${run.uuid.slice(0, 8)}`, { parent: stateDir });
    fs.writeFileSync(path.join(state.workspace, 'README.md'), `# ${run.name}\n\nThe sandbox's stand-in for the cluster VS Code of run ${run.uuid}.\n`);
    const server = await startCodeServer(state);              // served at / : the gateway strips the rewrite prefix
    return { pid: server.pid, target: server.url };
  }

  async function startJupyter(run, baseUrl) {
    const port = await freePort();
    const dir = path.join(stateDir, `service-${run.uuid.slice(0, 8)}`);
    fs.mkdirSync(dir, { recursive: true });
    const logFile = path.join(dir, 'jupyter.log');
    const child = spawnGroup('jupyter', ['lab', '--no-browser', '--ServerApp.ip=127.0.0.1', `--ServerApp.port=${port}`,
      `--ServerApp.base_url=${baseUrl}/`, '--ServerApp.token=', '--ServerApp.password=', `--ServerApp.root_dir=${dir}`,
      // the extension shows the service in a webview iframe: Jupyter's default frame-ancestors 'self' forbids that
      `--ServerApp.tornado_settings={"headers":{"Content-Security-Policy":"frame-ancestors 'self' * vscode-webview:"}}`,
    ], { cwd: dir, logFile, env: { ...process.env, JUPYTER_CONFIG_DIR: path.join(dir, 'config'), JUPYTER_DATA_DIR: path.join(dir, 'data') } });
    await waitForHttp(`http://127.0.0.1:${port}${baseUrl}/api`, { child, logFile, timeoutMs: 60000 });
    return { pid: child.pid, target: `http://127.0.0.1:${port}` };
  }

  return {
    async start(run, { baseUrl, rewritePath }) {
      // the seed walks runs through `running` to their final status in one go: start only what stays running
      await new Promise((resolve) => setImmediate(resolve));
      if (run.status !== 'running') return undefined;
      const flavour = flavourOf(run);
      if (flavour === 'vscode' && isInstalled()) {
        const started = await startVSCode(run);
        running.set(run.uuid, started.pid);
        log(`sandbox: ${run.name} ${run.uuid.slice(0, 8)} -> code-server ${started.target}`);
        return { target: started.target };
      }
      if (flavour === 'jupyter' && jupyter) {
        const base = rewritePath ? '' : baseUrl;               // the gateway strips a rewrite prefix
        const started = await startJupyter(run, base);
        running.set(run.uuid, started.pid);
        log(`sandbox: ${run.name} ${run.uuid.slice(0, 8)} -> jupyter lab ${started.target}${base}/`);
        return { target: started.target };
      }
      return undefined;
    },
    async stop(run) {
      const pid = running.get(run.uuid);
      running.delete(run.uuid);
      if (pid) { await killGroup(pid); log(`sandbox: stopped the backend of ${run.name} ${run.uuid.slice(0, 8)}`); }
    },
  };
}
