// The one status table: every view (tree, status bar, statuses list, service tab, launch follower, counts) and the
// server queries derive what a status means from here, so they cannot disagree.
// Lifecycle groups as in Polyaxon core/polyaxon/lifecycle.py (LifeCycle, v1.11.3; v2 keeps the same values):
//   WARNING_VALUES {unschedulable, warning}; PENDING_VALUES {created, on_schedule, resuming};
//   RUNNING_VALUES {scheduled, starting, processing, running}; DONE_VALUES {failed, upstream_failed, stopped, skipped,
//   succeeded}; is_stoppable(s) = not is_done(s).
// `done` is a V1Statuses value that no run ever has: Polyaxon uses it only as a hook trigger
// (V1TriggerPolicy.trigger_statuses_mapping maps ALL_DONE / ONE_DONE to V1Statuses.DONE), and it is not in
// LifeCycle.DONE_VALUES. So a run reported as `done` is shown as unknown and, like Polyaxon, treated as not done.
import type { RunStatus } from './types';

/** How a status is shown and counted: the tree's icon and colour, the status bar's counts, the tab's badge. */
export type StatusGroup = 'starting' | 'running' | 'stopping' | 'warning' | 'failed' | 'stopped' | 'succeeded' | 'unknown';

export interface StatusInfo {
  group: StatusGroup;
  /** A codicon id; `~spin` while the run is on its way somewhere by itself. */
  icon: string;
  /** A theme colour id. */
  color: string;
  label: string;
  /** LifeCycle.DONE_VALUES: the run will not change again. */
  done: boolean;
  /** Moves on by itself soon: polled fast (until stuck). */
  transitional: boolean;
  /** LifeCycle.is_stoppable: anything not done. */
  stoppable: boolean;
  /** Failed, or cannot start (unschedulable): the launch follower ends on it, the counts list it as failed. */
  failure: boolean;
  /** Polyaxon's condition explains it (the reason shown in the tree row, e.g. "Failed · ImagePullBackOff"). */
  explained: boolean;
}

type Row = Pick<StatusInfo, 'group' | 'icon' | 'color' | 'label'> & Partial<Pick<StatusInfo, 'done' | 'transitional' | 'failure'>>;

const YELLOW = 'charts.yellow';
const starting = (label: string, icon = 'loading~spin'): Row => ({ group: 'starting', icon, color: YELLOW, label, transitional: true });
const ended = (group: StatusGroup, icon: string, color: string, label: string, failure = false): Row => ({
  group,
  icon,
  color,
  label,
  done: true,
  failure,
});

/** A Record so that the compiler flags a status left out. */
const TABLE: Record<RunStatus, Row> = {
  created: starting('Created'),
  resuming: starting('Resuming'),
  // Waits for its schedule: transitional, but not busy.
  on_schedule: starting('On schedule', 'clock'),
  compiled: starting('Compiled'),
  queued: starting('Queued'),
  retrying: starting('Retrying'),
  scheduled: starting('Scheduled'),
  starting: starting('Starting'),
  processing: starting('Processing'),
  running: { group: 'running', icon: 'vm-running', color: 'testing.iconPassed', label: 'Running' },
  stopping: { group: 'stopping', icon: 'loading~spin', color: 'charts.orange', label: 'Stopping', transitional: true },
  // May recover by itself (an image pull retried), or stay so until stopped: not polled fast.
  warning: { group: 'warning', icon: 'warning', color: 'list.warningForeground', label: 'Warning' },
  unschedulable: { group: 'warning', icon: 'warning', color: 'list.warningForeground', label: 'Unschedulable', failure: true },
  failed: ended('failed', 'error', 'testing.iconFailed', 'Failed', true),
  upstream_failed: ended('failed', 'error', 'testing.iconFailed', 'Upstream failed', true),
  stopped: ended('stopped', 'debug-stop', 'disabledForeground', 'Stopped'),
  skipped: ended('stopped', 'debug-step-over', 'disabledForeground', 'Skipped'),
  succeeded: ended('succeeded', 'pass', 'testing.iconPassed', 'Succeeded'),
  unknown: { group: 'unknown', icon: 'question', color: 'disabledForeground', label: 'Unknown' },
  done: { group: 'unknown', icon: 'question', color: 'disabledForeground', label: 'Done' },
};

function info(row: Row): StatusInfo {
  const done = row.done ?? false;
  const failure = row.failure ?? false;
  return {
    ...row,
    done,
    transitional: row.transitional ?? false,
    stoppable: !done,
    failure,
    explained: failure || row.group === 'warning',
  };
}

const INFO = Object.fromEntries(Object.entries(TABLE).map(([status, row]) => [status, info(row)])) as Record<RunStatus, StatusInfo>;

export const ALL_STATUSES: readonly RunStatus[] = Object.keys(TABLE) as RunStatus[];

type MaybeStatus = RunStatus | string | null | undefined;

/** The row of a status; a missing or new one reads as `unknown`. */
export function statusInfo(s: MaybeStatus): StatusInfo {
  // Own keys only: a status such as `constructor` must not find Object.prototype's.
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(INFO, s) ? INFO[s as RunStatus] : INFO.unknown;
}

export const isDone = (s: MaybeStatus): boolean => statusInfo(s).done;
export const isRunning = (s: MaybeStatus): boolean => s === 'running';
export const isTransitional = (s: MaybeStatus): boolean => statusInfo(s).transitional;
export const isStoppable = (s: MaybeStatus): boolean => statusInfo(s).stoppable;

/** The codicon without its animation, for places that cannot spin (quick picks, markdown). */
export function staticIcon(s: MaybeStatus): string {
  return statusInfo(s).icon.replace('~spin', '');
}

const DONE_VALUES = ALL_STATUSES.filter(isDone).join('|');

/** Run query (platform/coredb/coredb/query_managers/run.py syntax): every service of a project. */
export const SERVICES_QUERY = 'kind:service';
/** Services that are not done (the `~` negates the value list). */
export const ACTIVE_SERVICES_QUERY = `kind:service,status:~${DONE_VALUES}`;
/** Services that are done. */
export const FINISHED_SERVICES_QUERY = `kind:service,status:${DONE_VALUES}`;
/** Services that run now. */
export const RUNNING_SERVICES_QUERY = 'kind:service,status:running';
