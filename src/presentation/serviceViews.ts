// What the service tab's views mean for its logic: which are settled, which stopping, what status each shows.
import type { StatusCondition } from '../polyaxon/types';
import type { ServiceView } from './serviceWebviewHtml';

/** Polyaxon's reason and message of a status condition, as one line. */
export function describe(c: StatusCondition): string | undefined {
  const text = [c.reason, c.message].filter(Boolean).join(': ');
  return text || undefined;
}

export function isStopping(view: ServiceView): boolean {
  return view.kind === 'waiting' && view.status === 'stopping';
}

/** The service page (or the reason it cannot be framed) is shown. */
export function isSettled(view: ServiceView): boolean {
  return view.kind === 'running' || view.kind === 'blocked';
}

export function statusOf(view: ServiceView): string | undefined {
  return 'status' in view ? view.status : view.kind;
}
