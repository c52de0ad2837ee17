// Real programs behind the sandbox's services (the fake Polyaxon server proxies /rewrite-services/… and
// /services/… to them): a VS Code service gets its own code-server, a Jupyter service a real Jupyter
// server started from the bundled polyaxonfile's settings (test/fake-polyaxon/jupyter-backend.ts, compiled to out/)
// when one is installed. Anything else gets undefined, which leaves the fake server's own service page.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, createState, installVsix, isInstalled, startCodeServer } from './code-server.mjs';
import { killGroup } from './processes.mjs';

const flavourOf = (run) =>
  /jupyter|notebook/i.test(run.name ?? '') ? 'jupyter' : /vscode|code-server/i.test(run.name ?? '') ? 'vscode' : 'other';

/**
 * A ServiceBackend for startFakePolyaxon; state dirs go under `stateDir`, logs through `log`. With `vsix` (and
 * `polyaxonHost()`, the sandbox's URL), each VS Code service has that extension installed and the variables a Polyaxon
 * service sets, as the bundled polyaxonfile gives a cluster's VS Code: the in-cluster commands show inside it.
 * `serviceSettings` and `serviceEnv` go to every VS Code service (the UI suite's git stand-in and workspace root).
 */
export function realServiceBackends({ stateDir, log = console.log, vsix, polyaxonHost, serviceSettings, serviceEnv }) {
  const running = new Map(); // run uuid -> process-group pid
  const { jupyterBackend } = createRequire(import.meta.url)(path.join(ROOT, 'out/test/fake-polyaxon/jupyter-backend.js'));
  const jupyter = jupyterBackend({ stateDir, log });
  if (!isInstalled()) log("sandbox: code-server is not installed, VS Code services show the fake server's page");
  if (!jupyter)
    log(
      "sandbox: no `jupyter` command, Jupyter services show the fake server's page (apt-get install python3-jupyter-server jupyter-notebook python3-ipykernel for a real one)",
    );

  async function startVSCode(run, baseUrl) {
    const state = createState(`service-${run.uuid.slice(0, 8)}`, { parent: stateDir, settings: serviceSettings });
    if (vsix) installVsix(state, vsix);
    fs.writeFileSync(
      path.join(state.workspace, 'README.md'),
      `# ${run.name}\n\nThe sandbox's stand-in for the cluster VS Code of run ${run.uuid}.\n`,
    );
    // served at / : the gateway strips the rewrite prefix
    const extraEnv = { ...(vsix ? serviceEnvironment(run, baseUrl, polyaxonHost?.()) : {}), ...serviceEnv };
    const server = await startCodeServer(state, { extraEnv });
    return { pid: server.pid, target: server.url };
  }

  return {
    async start(run, { baseUrl, rewritePath }) {
      // the seed walks runs through `running` to their final status in one go: start only what stays running
      await new Promise((resolve) => setImmediate(resolve));
      if (run.status !== 'running') return undefined;
      const flavour = flavourOf(run);
      if (flavour === 'vscode' && isInstalled()) {
        const started = await startVSCode(run, baseUrl);
        running.set(run.uuid, started.pid);
        log(`sandbox: ${run.name} ${run.uuid.slice(0, 8)} -> code-server ${started.target}`);
        return { target: started.target };
      }
      if (flavour === 'jupyter' && jupyter) return jupyter.start(run, { baseUrl, rewritePath });
      return undefined;
    },
    async stop(run) {
      if (flavourOf(run) === 'jupyter' && jupyter) return jupyter.stop(run);
      const pid = running.get(run.uuid);
      running.delete(run.uuid);
      if (pid) {
        await killGroup(pid);
        log(`sandbox: stopped the backend of ${run.name} ${run.uuid.slice(0, 8)}`);
      }
    },
  };
}

/** What Polyaxon sets in a service's container (POLYAXON_RUN_INSTANCE = owner.project.runs.uuid); owner and project from its base URL. */
function serviceEnvironment(run, baseUrl, host) {
  const [, owner, project] = /\/([^/]+)\/([^/]+)\/runs\//.exec(baseUrl) ?? [, 'default', 'unknown'];
  return {
    POLYAXON_RUN_INSTANCE: `${owner}.${project}.runs.${run.uuid}`,
    POLYAXON_IS_MANAGED: 'true',
    ...(host ? { POLYAXON_HOST: host } : {}),
  };
}
