// Running Jupyter services as the Jupyter extension's "servers": which ones, under what id and label, and what
// a kernel connection to one needs. No VS Code API: the collection in src/notebooks/vscode/jupyterServerProvider.ts uses these.
import * as crypto from 'crypto';
import type { Run, RunRef } from '../polyaxon/types';
import { serviceKindOfRun } from '../polyaxon/serviceKind';
import type { ServicesSnapshot } from '../runs/servicesSnapshot';
import { statusInfo } from '../polyaxon/statuses';

export interface JupyterServerEntry {
  /** `owner/project/uuid`: stable across refreshes, and enough to find the run again. */
  id: string;
  label: string;
  ref: RunRef;
}

export function jupyterServerId(ref: RunRef): string {
  return [ref.owner, ref.project, ref.uuid].map(encodeURIComponent).join('/');
}

/** The run of a server id; undefined for anything else, a bad percent-encoding (`%E0%A4%A`) included. */
export function parseJupyterServerId(id: string): RunRef | undefined {
  const parts = id.split('/');
  if (parts.length !== 3 || parts.some((p) => !p)) return undefined;
  try {
    const [owner, project, uuid] = parts.map(decodeURIComponent);
    return { owner, project, uuid };
  } catch {
    return undefined;
  }
}

/** The tree's name and status, and the project when several are shown (names repeat across projects). */
export function jupyterServerLabel(run: Run, project: string, withProject: boolean): string {
  const name = `${run.name ?? run.uuid.slice(0, 8)} · ${statusInfo(run.status).label}`;
  return withProject ? `${name} · ${project}` : name;
}

/** A service that can run a notebook's kernel: a running Jupyter service. */
export function isKernelCandidate(run: Run): boolean {
  return run.status === 'running' && serviceKindOfRun(run) === 'jupyter';
}

/** The running Jupyter services of the snapshot, in the tree's order. */
export function runningJupyterServers(snapshot: ServicesSnapshot | undefined): JupyterServerEntry[] {
  const projects = snapshot?.projects ?? [];
  return projects.flatMap((p) =>
    p.runs.filter(isKernelCandidate).map((run) => {
      const ref = { ...p.ref, uuid: run.uuid };
      return { id: jupyterServerId(ref), label: jupyterServerLabel(run, p.ref.project, projects.length > 1), ref };
    }),
  );
}

/**
 * Why a run cannot be a kernel server: not a Jupyter service (a VS Code service's URL, with the Polyaxon token,
 * must not go to the Jupyter extension), or not running. Undefined when it can.
 */
export function notAKernelServerMessage(run: Run): string | undefined {
  const label = run.name ?? run.uuid;
  const kind = serviceKindOfRun(run);
  const service = (run.kind ?? 'service') === 'service';
  if (!service || kind !== 'jupyter') {
    const what = service && kind === 'vscode' ? 'a VS Code service' : 'not a Jupyter service';
    return `The Polyaxon run "${label}" is ${what}, so it cannot run a kernel. Pick a Jupyter service, or "Launch a Jupyter Lab service on Polyaxon…".`;
  }
  return notRunningMessage(label, run.status);
}

/**
 * Headers that let VS Code's Jupyter extension POST to a token-less Jupyter (the bundled polyaxonfile sets
 * `--ServerApp.token=` / `--NotebookApp.token=`, as AISG's does).
 *
 * Without a token, Jupyter checks XSRF on every POST (notebook 6.4.12 notebook/base/handlers.py and jupyter_server
 * 1.23 jupyter_server/base/handlers.py, IPythonHandler/JupyterHandler.check_xsrf_cookie: skipped only when
 * token-authenticated or with disable_check_xsrf). Tornado's check (6.2 tornado/web.py,
 * RequestHandler.check_xsrf_cookie) only compares the `X-XSRFToken` header with the `_xsrf` cookie: a plain
 * (version 1) value on both sides passes. A browser page gets its cookie from Jupyter and @jupyterlab/services
 * echoes `document.cookie` (services/src/serverconnection.ts, handleRequest); in the Jupyter extension's host (Node)
 * there is no document, so nothing is echoed and `POST api/kernels` fails 403 "'_xsrf' argument missing from POST".
 * The extension adds our `connectionInformation.headers` to every request and to the kernel WebSocket
 * (vscode-jupyter jupyterRequestCreator.node.ts): so a fresh random pair per resolve, cookie and header, is what
 * a browser would send.
 *
 * Jupyter's protection is unchanged: a page in a browser still cannot read the cookie nor set a Cookie header,
 * and the value never leaves the extension host for another site (the headers go to this server's URL only).
 * The kernel WebSocket needs nothing more: its handshake is a GET, which is not XSRF-checked, and
 * AuthenticatedZMQStreamHandler.pre_get (notebook 6.4.12 notebook/base/zmqhandlers.py, jupyter_server 1.23
 * jupyter_server/base/zmqhandlers.py) only asks for a current user, which a token-less server always has;
 * check_origin passes without an Origin header (Node's `ws` sends none) and with the file's `allow_origin=*`.
 */
export function xsrfHeaders(): Record<string, string> {
  const value = crypto.randomBytes(32).toString('hex');
  return { Cookie: `_xsrf=${value}`, 'X-XSRFToken': value };
}

/** Why a server cannot be used, for a status other than running; undefined when it can. */
export function notRunningMessage(label: string, status: string | null | undefined): string | undefined {
  if (status === 'running') return undefined;
  const shown = statusInfo(status).label.toLowerCase();
  return `The Polyaxon service "${label}" is ${shown}, not running, so it cannot run a kernel. Restart it from the Polyaxon view, or pick "Launch a Jupyter Lab service on Polyaxon…".`;
}
