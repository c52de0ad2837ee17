// Reads the services list of each project for the services model, remembering each project's recently finished
// services so that a steady list costs one request per project.
import type { PolyaxonClient } from '../polyaxon/client';
import type { ProjectRef, Run, RunRef } from '../polyaxon/types';
import { listServices, type ServiceFilter } from './serviceList';
import type { ServicesSnapshot } from './servicesSnapshot';
import { isConnectionError } from './servicesState';

export type ProjectListing = ServicesSnapshot['projects'][number];

export class ServicesReader {
  /** The recently finished services per project, re-read only when the set of active ones changes. */
  private readonly finished = new Map<string, { active: string[]; finished: Run[] }>();

  /** A run was deleted: no remembered list of finished services may bring it back. */
  forget(uuid: string): void {
    for (const known of this.finished.values()) known.finished = known.finished.filter((r) => r.uuid !== uuid);
  }

  /** Forget the finished services: the next read lists everything afresh. */
  clear(): void {
    this.finished.clear();
  }

  /**
   * Each project's services; the store gets each answer as it arrives. A project that fails alone is listed with
   * its error; a failure that means no Polyaxon answered (or an abort) throws, and so does a failure of every
   * project while a list is `shown` (say, a 404 from a gateway in trouble): the last good list stays.
   */
  async read(
    conn: { client: PolyaxonClient; owner: string; host: string },
    projectNames: readonly string[],
    filter: ServiceFilter,
    signal: AbortSignal,
    store: { ingest(ref: ProjectRef, runs: readonly Run[]): void; isDeleted(ref: RunRef): boolean; shown: boolean; now(): number },
  ): Promise<ServicesSnapshot> {
    const projects: ProjectListing[] = await Promise.all(
      projectNames.map(async (project) => {
        const ref = { owner: conn.owner, project };
        const key = `${ref.owner}/${project}`;
        try {
          const known = this.finished.get(key);
          const listed = await listServices(conn.client, ref, filter, signal, known);
          this.finished.set(key, { active: listed.active, finished: listed.finished ?? known?.finished ?? [] });
          store.ingest(ref, listed.runs);
          // A list read before one of our deletes still holds the run: it is gone (v2 keeps it readable for a day).
          return { ref, runs: listed.runs.filter((run) => !store.isDeleted({ ...ref, uuid: run.uuid })) };
        } catch (error) {
          if (isConnectionError(error) || signal.aborted) throw error;
          return { ref, runs: [], error: error instanceof Error ? error : new Error(String(error)) };
        }
      }),
    );
    const failed = projects.find((p) => p.error);
    if (store.shown && failed && projects.every((p) => p.error)) throw failed.error as Error;
    return { host: conn.host, projects, fetchedAt: store.now() };
  }
}
