import type { RunStatus } from '../polyaxon/types';

/** How a status is shown: the tree's icon and colour, and which count of the status bar it goes into. */
export type DisplayGroup = 'starting' | 'running' | 'stopping' | 'warning' | 'failed' | 'stopped' | 'succeeded' | 'unknown';

export interface StatusDisplay {
  group: DisplayGroup;
  /** A codicon id; `~spin` while the service is on its way somewhere. */
  icon: string;
  /** A theme colour id. */
  color: string;
  label: string;
}

const starting = (label: string, icon = 'loading~spin'): StatusDisplay => ({ group: 'starting', icon, color: 'charts.yellow', label });

// Every V1Statuses value is listed, so a new one is a compile error rather than a silent default.
// Groups follow polyaxon core/polyaxon/lifecycle.py; `processing` and `retrying` are on their way, not usable yet.
const DISPLAY: Record<RunStatus, StatusDisplay> = {
  created: starting('Created'),
  resuming: starting('Resuming'),
  on_schedule: starting('On schedule', 'clock'),
  compiled: starting('Compiled'),
  queued: starting('Queued'),
  scheduled: starting('Scheduled'),
  starting: starting('Starting'),
  processing: starting('Processing'),
  retrying: starting('Retrying'),
  running: { group: 'running', icon: 'vm-running', color: 'testing.iconPassed', label: 'Running' },
  stopping: { group: 'stopping', icon: 'loading~spin', color: 'charts.orange', label: 'Stopping' },
  warning: { group: 'warning', icon: 'warning', color: 'list.warningForeground', label: 'Warning' },
  unschedulable: { group: 'warning', icon: 'warning', color: 'list.warningForeground', label: 'Unschedulable' },
  failed: { group: 'failed', icon: 'error', color: 'testing.iconFailed', label: 'Failed' },
  upstream_failed: { group: 'failed', icon: 'error', color: 'testing.iconFailed', label: 'Upstream failed' },
  stopped: { group: 'stopped', icon: 'debug-stop', color: 'disabledForeground', label: 'Stopped' },
  skipped: { group: 'stopped', icon: 'debug-step-over', color: 'disabledForeground', label: 'Skipped' },
  succeeded: { group: 'succeeded', icon: 'pass', color: 'testing.iconPassed', label: 'Succeeded' },
  done: { group: 'succeeded', icon: 'pass', color: 'testing.iconPassed', label: 'Done' },
  unknown: { group: 'unknown', icon: 'question', color: 'disabledForeground', label: 'Unknown' },
};

export function statusDisplay(status: string | null | undefined): StatusDisplay {
  // Own keys only: a status such as `constructor` must not find Object.prototype's.
  return typeof status === 'string' && Object.prototype.hasOwnProperty.call(DISPLAY, status) ? DISPLAY[status as RunStatus] : DISPLAY.unknown;
}
