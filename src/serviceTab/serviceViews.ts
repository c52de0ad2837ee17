// What the service tab's views mean for its logic: which are settled, which stopping, what status each shows.
import { conditionLine } from '../presentation/runWording';
import type { StatusCondition } from '../polyaxon/types';

/** What a service tab shows. */
export type ServiceView =
  | { kind: 'loading' }
  /** Not running yet, or running but the gateway cannot reach it yet (`message` says which). */
  | { kind: 'waiting'; status: string; message?: string }
  /** `url` is the external one: the browser, not the extension host, loads it. */
  | { kind: 'running'; status: string; url: string }
  | { kind: 'blocked'; status: string; reason: string }
  | { kind: 'ended'; status: string; message?: string }
  | { kind: 'deleted' }
  | { kind: 'error'; message: string }
  /** The tab's service is on `host`; the extension now talks to `current`. */
  | { kind: 'otherHost'; host: string; current: string };

/** Polyaxon's reason and message of a status condition, as one line. */
export function describe(c: StatusCondition): string | undefined {
  return conditionLine(c) || undefined;
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
