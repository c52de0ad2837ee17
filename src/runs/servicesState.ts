// What the Services view shows when it has no rows (the `viewsWelcome` entries in package.json), from the last
// snapshot or the last failure.
import type { EffectiveHostSource } from '../connection/forwardedHost';
import { isPolyaxonError } from '../polyaxon/errors';
import type { ServicesSnapshot } from './servicesSnapshot';

/** `reconnecting`: the managed port-forward is restarting, so a failure is expected and not an error. */
export type ServicesState =
  'loading' | 'notConfigured' | 'invalidHost' | 'noProject' | 'unreachable' | 'unauthorized' | 'reconnecting' | 'empty' | 'ok';

const CONNECTION_ERRORS = ['unreachable', 'timeout', 'tls', 'notPolyaxon', 'unauthorized', 'forbidden', 'server', 'badResponse'];

/** Errors that mean "no Polyaxon answered", as opposed to a problem with one project. */
export function isConnectionError(e: unknown): boolean {
  return isPolyaxonError(e) && CONNECTION_ERRORS.includes(e.kind);
}

export function snapshotState(snapshot: ServicesSnapshot): ServicesState {
  const noRuns = snapshot.projects.every((p) => p.runs.length === 0 && !p.error);
  return snapshot.projects.length === 0 ? 'noProject' : noRuns ? 'empty' : 'ok';
}

/** A failure with no list to show: a refused default host means "not configured yet", not "down". */
export function failureState(error: unknown, hostSource: EffectiveHostSource | undefined): ServicesState {
  if (isPolyaxonError(error, 'unauthorized') || isPolyaxonError(error, 'forbidden')) return 'unauthorized';
  return isPolyaxonError(error, 'unreachable') && hostSource === 'default' ? 'notConfigured' : 'unreachable';
}
