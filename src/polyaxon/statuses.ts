// Run status groups, as in core/polyaxon/lifecycle.py (LifeCycle, v1.11.3; v2 keeps the same values).
import type { RunStatus } from './types';

type Group =
  | 'pending'    // LifeCycle.PENDING_VALUES
  | 'preparing'  // compiled/queued/retrying: on their way to k8s (ALL_PENDING_VALUES in later versions)
  | 'onK8s'      // LifeCycle.RUNNING_VALUES except running itself
  | 'running'
  | 'stopping'   // the only member of DONE_OR_IN_PROGRESS_VALUES that is not done
  | 'warning'    // LifeCycle.WARNING_VALUES: may recover, or stay so until stopped
  | 'done'       // LifeCycle.DONE_VALUES
  | 'other';     // unknown; `done` is only a hook trigger value, never a run's status

/** A Record so that the compiler flags a status left out. */
const GROUP: Record<RunStatus, Group> = {
  created: 'pending',
  on_schedule: 'pending',
  resuming: 'pending',
  compiled: 'preparing',
  queued: 'preparing',
  retrying: 'preparing',
  scheduled: 'onK8s',
  starting: 'onK8s',
  processing: 'onK8s',
  running: 'running',
  stopping: 'stopping',
  warning: 'warning',
  unschedulable: 'warning',
  failed: 'done',
  upstream_failed: 'done',
  stopped: 'done',
  skipped: 'done',
  succeeded: 'done',
  unknown: 'other',
  done: 'other',
};

export const ALL_STATUSES: readonly RunStatus[] = Object.keys(GROUP) as RunStatus[];

type MaybeStatus = RunStatus | string | null | undefined;

function groupOf(s: MaybeStatus): Group {
  return s && Object.prototype.hasOwnProperty.call(GROUP, s) ? GROUP[s as RunStatus] : 'other';
}

export function isDone(s: MaybeStatus): boolean {
  return groupOf(s) === 'done';
}

export function isRunning(s: MaybeStatus): boolean {
  return s === 'running';
}

/** Statuses that move on by themselves soon: a poller polls fast while a run is in one. */
export function isTransitional(s: MaybeStatus): boolean {
  const g = groupOf(s);
  return g === 'pending' || g === 'preparing' || g === 'onK8s' || g === 'stopping';
}

/** LifeCycle.is_stoppable: anything not done. */
export function isStoppable(s: MaybeStatus): boolean {
  return !isDone(s);
}

export function isFailure(s: MaybeStatus): boolean {
  return s === 'failed' || s === 'upstream_failed' || s === 'unschedulable';
}

const DONE_VALUES = 'succeeded|failed|stopped|skipped|upstream_failed';

/** Run query (platform/coredb/coredb/query_managers/run.py syntax): every service of a project. */
export const SERVICES_QUERY = 'kind:service';
/** Services that are not done (the `~` negates the value list). */
export const ACTIVE_SERVICES_QUERY = `kind:service,status:~${DONE_VALUES}`;
/** Services that are done. */
export const FINISHED_SERVICES_QUERY = `kind:service,status:${DONE_VALUES}`;
/** Services that run now. */
export const RUNNING_SERVICES_QUERY = 'kind:service,status:running';
