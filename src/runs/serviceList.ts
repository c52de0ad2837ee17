import type { PolyaxonClient } from '../polyaxon/client';
import type { ProjectRef } from '../polyaxon/types';
import { ACTIVE_SERVICES_QUERY, FINISHED_SERVICES_QUERY, RUNNING_SERVICES_QUERY, SERVICES_QUERY } from '../polyaxon/statuses';
import type { Run } from '../polyaxon/types';

/** Which services the tree lists. */
export type ServiceFilter = 'active' | 'all' | 'running';

export const FILTER_LABELS: Record<ServiceFilter, string> = {
  active: 'Active and recent',
  all: 'All services',
  running: 'Running only',
};

const MAX_LISTED = 100;
/** How many finished services the default filter shows below the active ones. */
const RECENT_FINISHED = 3;

export interface ServicesListing {
  runs: Run[];
  /** The recently finished services (the `active` filter), when they were read by this call. */
  finished?: Run[];
  /** The uuids of the active services: while none of them leaves the list, no service has finished. */
  active: string[];
}

/**
 * One or two requests per project, filtered on the server (`query=kind:service,…`), so the cost does not grow
 * with the project's history. Query language: platform/coredb/coredb/query_managers/run.py (API.md §1).
 * Reuses the finished services of an earlier call (`known`) while every service that was active then is still
 * active (a service must leave the active list to finish): one request per project for a steady list.
 */
export async function listServices(
  client: PolyaxonClient,
  ref: ProjectRef,
  filter: ServiceFilter,
  signal?: AbortSignal,
  known?: { active: string[]; finished: Run[] },
): Promise<ServicesListing> {
  const list = (query: string, sort: string, limit: number) => client.listRuns(ref, { query, sort, limit }, signal).then((p) => p.results);
  const uuids = (runs: Run[]) => runs.map((r) => r.uuid);
  if (filter !== 'active') {
    const runs = await list(filter === 'all' ? SERVICES_QUERY : RUNNING_SERVICES_QUERY, '-created_at', MAX_LISTED);
    return { runs, active: uuids(runs) };
  }
  const readFinished = () => list(FINISHED_SERVICES_QUERY, '-updated_at', RECENT_FINISHED);
  if (!known) {
    const [active, finished] = await Promise.all([list(ACTIVE_SERVICES_QUERY, '-created_at', MAX_LISTED), readFinished()]);
    return { runs: mergeByUuid(active, finished), finished, active: uuids(active) };
  }
  const active = await list(ACTIVE_SERVICES_QUERY, '-created_at', MAX_LISTED);
  const still = new Set(uuids(active));
  const reuse = known.active.every((uuid) => still.has(uuid));
  const finished = reuse ? known.finished : await readFinished();
  return { runs: mergeByUuid(active, finished), finished: reuse ? undefined : finished, active: uuids(active) };
}

/**
 * The two queries run in parallel, so a run that changes status between them is in both answers: list it once,
 * as the answer that saw it last (the later `updated_at`), in the place of its first appearance.
 */
export function mergeByUuid(...lists: Run[][]): Run[] {
  const merged = new Map<string, Run>();
  for (const run of lists.flat()) {
    const seen = merged.get(run.uuid);
    if (!seen || updatedAt(run) > updatedAt(seen)) merged.set(run.uuid, run);
  }
  return [...merged.values()];
}

function updatedAt(run: Run): number {
  const t = Date.parse(run.updated_at ?? '');
  return Number.isFinite(t) ? t : -Infinity;
}
