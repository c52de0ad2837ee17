// Reads the services list of each project for the services model, remembering each project's recently finished
// services so that a steady list costs one request per project.
import type { PolyaxonClient } from '../polyaxon/client';
import type { ProjectRef, Run } from '../polyaxon/types';
import { listServices, type ServiceFilter } from './serviceList';
import type { ServicesSnapshot } from './servicesSnapshot';
import { isConnectionError } from './servicesState';

export type ProjectListing = ServicesSnapshot['projects'][number];

export class ServicesReader {
  /** The recently finished services per project, re-read only when the set of active ones changes. */
  private readonly finished = new Map<string, { active: string[]; finished: Run[] }>();

  /** Forget the finished services: the next read lists everything afresh. */
  clear(): void {
    this.finished.clear();
  }

  /**
   * Each project's services; `ingest` gets each answer as it arrives. A project that fails alone is listed with its
   * error; a failure that means no Polyaxon answered (or an abort) throws.
   */
  read(
    conn: { client: PolyaxonClient; owner: string },
    projectNames: readonly string[],
    filter: ServiceFilter,
    signal: AbortSignal,
    ingest: (ref: ProjectRef, runs: readonly Run[]) => void,
  ): Promise<ProjectListing[]> {
    return Promise.all(
      projectNames.map(async (project) => {
        const ref = { owner: conn.owner, project };
        const key = `${ref.owner}/${project}`;
        try {
          const known = this.finished.get(key);
          const listed = await listServices(conn.client, ref, filter, signal, known);
          this.finished.set(key, { active: listed.active, finished: listed.finished ?? known?.finished ?? [] });
          ingest(ref, listed.runs);
          return { ref, runs: listed.runs };
        } catch (error) {
          if (isConnectionError(error) || signal.aborted) throw error;
          return { ref, runs: [], error: error instanceof Error ? error : new Error(String(error)) };
        }
      }),
    );
  }
}
