// What the Services view shows when it has no rows (the `viewsWelcome` entries in package.json), from the last
// snapshot or the last failure.
import type { EffectiveHostSource } from '../connection/forwardedHost';
import { InvalidHostError } from '../connection/validHost';
import { isPolyaxonError } from '../polyaxon/errors';
import type { ServicesSnapshot } from './servicesSnapshot';

/**
 * `reconnecting`: the managed port-forward is restarting, so a failure is expected and not an error.
 * `projectMissing`: the server answered, but no listed project exists on it.
 */
export type ServicesState =
  | 'loading'
  | 'notConfigured'
  | 'invalidHost'
  | 'noProject'
  | 'projectMissing'
  | 'unreachable'
  | 'unauthorized'
  | 'reconnecting'
  | 'empty'
  | 'ok';

const CONNECTION_ERRORS = ['unreachable', 'timeout', 'tls', 'notPolyaxon', 'unauthorized', 'forbidden', 'server', 'badResponse'];

/** Errors that mean "no Polyaxon answered", as opposed to a problem with one project. */
export function isConnectionError(e: unknown): boolean {
  return isPolyaxonError(e) && CONNECTION_ERRORS.includes(e.kind);
}

export function snapshotState(snapshot: ServicesSnapshot): ServicesState {
  if (snapshot.projects.length === 0) return 'noProject';
  if (snapshot.projects.every((p) => p.runs.length === 0 && isPolyaxonError(p.error, 'projectNotFound'))) return 'projectMissing';
  const noRuns = snapshot.projects.every((p) => p.runs.length === 0 && !p.error);
  return noRuns ? 'empty' : 'ok';
}

/** A failure with no list to show: a refused default host means "not configured yet", not "down". */
export function failureState(error: unknown, hostSource: EffectiveHostSource | undefined): ServicesState {
  if (isPolyaxonError(error, 'unauthorized') || isPolyaxonError(error, 'forbidden')) return 'unauthorized';
  return isPolyaxonError(error, 'unreachable') && hostSource === 'default' ? 'notConfigured' : 'unreachable';
}

/** Why nothing answered, for the `unreachable` welcome text (one entry per kind in package.json). */
export type FailureKind = 'unreachable' | 'timeout' | 'tls' | 'notPolyaxon' | 'server' | 'badResponse' | 'other';

export function failureKind(error: unknown): FailureKind {
  if (!isPolyaxonError(error)) return 'other';
  const kinds: readonly string[] = ['unreachable', 'timeout', 'tls', 'notPolyaxon', 'server', 'badResponse'];
  return kinds.includes(error.kind) ? (error.kind as FailureKind) : 'other';
}

/** Where a host that is not a URL comes from, for the `invalidHost` welcome text (one entry per source in package.json). */
export function invalidHostSource(error: unknown): EffectiveHostSource | undefined {
  return error instanceof InvalidHostError ? error.source : undefined;
}
