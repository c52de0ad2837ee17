import type { ProjectRef, Run, RunRef } from '../polyaxon/types';
import { statusInfo } from '../polyaxon/statuses';

export interface ProjectServices {
  ref: ProjectRef;
  runs: Run[];
  /** Set when this project could not be listed (e.g. it does not exist); the others still show. */
  error?: Error;
}

export interface ServicesSnapshot {
  host: string;
  projects: ProjectServices[];
  fetchedAt: number;
}

export function allRuns(snapshot: ServicesSnapshot | undefined): Run[] {
  return snapshot?.projects.flatMap((p) => p.runs) ?? [];
}

export interface ServiceCounts {
  running: number;
  starting: number;
  /** Failed (or unschedulable) within the last hour. */
  recentlyFailed: number;
}

const HOUR = 3_600_000;

export function countServices(runs: readonly Run[], now: number): ServiceCounts {
  const counts: ServiceCounts = { running: 0, starting: 0, recentlyFailed: 0 };
  for (const run of runs) {
    const status = statusInfo(run.status);
    if (status.group === 'running') counts.running++;
    else if (status.group === 'starting') counts.starting++;
    else if (status.failure) {
      const when = Date.parse(run.finished_at ?? run.updated_at ?? run.created_at ?? '');
      if (Number.isFinite(when) && now - when < HOUR) counts.recentlyFailed++;
    }
  }
  return counts;
}

/** Every listed run with its RunRef. */
export function allRunRefs(snapshot: ServicesSnapshot | undefined): { ref: RunRef; run: Run }[] {
  return (snapshot?.projects ?? []).flatMap((p) => p.runs.map((run) => ({ ref: { ...p.ref, uuid: run.uuid }, run })));
}

/** The snapshot with the listed run `uuid` as `run` now; undefined when it is not listed. */
export function withRun(snapshot: ServicesSnapshot, uuid: string, run: Run): ServicesSnapshot | undefined {
  if (!snapshot.projects.some((p) => p.runs.some((r) => r.uuid === uuid))) return undefined;
  const projects = snapshot.projects.map((p) =>
    p.runs.some((r) => r.uuid === uuid) ? { ...p, runs: p.runs.map((r) => (r.uuid === uuid ? run : r)) } : p,
  );
  return { ...snapshot, projects };
}

/** The snapshot without the run `uuid`; undefined when it is not listed. */
export function withoutRun(snapshot: ServicesSnapshot, uuid: string): ServicesSnapshot | undefined {
  if (!snapshot.projects.some((p) => p.runs.some((r) => r.uuid === uuid))) return undefined;
  return { ...snapshot, projects: snapshot.projects.map((p) => ({ ...p, runs: p.runs.filter((r) => r.uuid !== uuid) })) };
}
