// Running Jupyter services as the Jupyter extension's "servers": which ones, under what id and label, and what
// a kernel connection to one needs. No VS Code API: the collection in src/notebooks/vscode/jupyterServerProvider.ts uses these.
import type { RunRef } from '../polyaxon/types';
import type { Run } from '../polyaxon/types';
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

export function parseJupyterServerId(id: string): RunRef | undefined {
  const parts = id.split('/');
  if (parts.length !== 3 || parts.some((p) => !p)) return undefined;
  const [owner, project, uuid] = parts.map(decodeURIComponent);
  return { owner, project, uuid };
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

/** Why a server cannot be used, for a status other than running; undefined when it can. */
export function notRunningMessage(label: string, status: string | null | undefined): string | undefined {
  if (status === 'running') return undefined;
  const shown = statusInfo(status).label.toLowerCase();
  return `The Polyaxon service "${label}" is ${shown}, not running, so it cannot run a kernel. Restart it from the Polyaxon view, or pick "Launch a Jupyter Lab service on Polyaxon…".`;
}
