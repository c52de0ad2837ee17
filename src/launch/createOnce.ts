// A create whose answer was lost may still have happened: a slow network must not start two services.
import type { PolyaxonClient } from '../polyaxon/client';
import type { ProjectRef } from '../polyaxon/types';
import { isPolyaxonError, PolyaxonError } from '../polyaxon/errors';
import { SERVICES_QUERY } from '../polyaxon/statuses';
import type { OperationBody, Run } from '../polyaxon/types';

const RECENT = { query: SERVICES_QUERY, sort: '-created_at', limit: 20 };

/** Failures after which the server may have received the request and created the run. */
function mayHaveCreated(e: unknown): e is PolyaxonError {
  return isPolyaxonError(e) && ['timeout', 'unreachable', 'server', 'badResponse'].includes(e.kind);
}

/**
 * Creates the run, never twice: the project's services are listed before, and again when the create fails in a
 * way that leaves it unknown whether the server created it. A service that appeared meanwhile is that run.
 * Nothing is retried: when none appeared, the error says so, and the user decides.
 */
export async function createOnce(client: PolyaxonClient, ref: ProjectRef, body: OperationBody): Promise<Run> {
  // A missing project fails the create as well, with the error the caller handles.
  const before = await client.listRuns(ref, RECENT).then(
    (p) => new Set(p.results.map((r) => r.uuid)),
    () => undefined,
  );
  try {
    return await client.createRun(ref, body);
  } catch (e) {
    if (!mayHaveCreated(e)) throw e;
    const after =
      before &&
      (await client.listRuns(ref, RECENT).then(
        (p) => p.results,
        () => undefined,
      ));
    const created = after?.find((run) => !before?.has(run.uuid) && (body.name === undefined || run.name === body.name));
    if (created) return created;
    const outcome = after
      ? `No new service appeared in ${ref.owner}/${ref.project} right after it, so none was started yet; if the server was only slow, one may still appear: check the Services view before launching again.`
      : 'Whether the server started the service is unknown: check the Services view before launching again.';
    throw new PolyaxonError({
      kind: e.kind,
      message: `${e.message} ${outcome}`,
      host: e.host,
      method: e.method,
      path: e.path,
      status: e.status,
      details: e.details,
      cause: e,
    });
  }
}
