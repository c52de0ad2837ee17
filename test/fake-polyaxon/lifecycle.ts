// Status groups of core/polyaxon/lifecycle.py (LifeCycle), v1.11.3.
import type { RunStatus } from '../../src/polyaxon/types';

const DONE: ReadonlySet<RunStatus> = new Set<RunStatus>(['failed', 'upstream_failed', 'stopped', 'skipped', 'succeeded']);
/** Statuses at which Polyaxon sets started_at (the brief: from `starting` on; LifeCycle.RUNNING_VALUES minus scheduled). */
const STARTED: ReadonlySet<RunStatus> = new Set<RunStatus>(['starting', 'running', 'processing']);

export const isDone = (s: RunStatus | null | undefined): boolean => !!s && DONE.has(s);
export const isStarted = (s: RunStatus | null | undefined): boolean => !!s && STARTED.has(s);

/** Reason and message of the condition that leads to each status (recorded ones, else the operator's style). */
export const CONDITION_TEXT: Partial<Record<RunStatus, [reason: string, message: string]>> = {
  created: ['OperationServiceInit', 'Run is created'],
  compiled: ['SchedulerPrepare', 'Run is compiled'],
  queued: ['SchedulerStart', 'Run is queued'],
  // Posted by the v2 agent (recorded-v2 run-statuses.vscode.scheduled.json); v1.11.3 never recorded a `scheduled`.
  scheduled: ['AgentController', 'Operation is scheduled'],
  starting: ['OperatorController', 'Operation is starting'],
  running: ['OperatorController', 'Operation is running'],
  stopping: ['StateManager', 'Run is stopping; User requested to stop the run.'],
  stopped: ['OperatorFinalizer', 'Operation stopped in finalizer'],
  succeeded: ['OperatorController', 'Operation has succeeded'],
  failed: ['OperatorController', 'Operation has failed'],
};

/** The statuses a run passes through to reach `target`, for runs added directly (addRun, seed). */
export function pathTo(target: RunStatus): RunStatus[] {
  const started: RunStatus[] = ['compiled', 'queued', 'scheduled', 'starting'];
  switch (target) {
    case 'created':
      return [];
    case 'compiled':
      return ['compiled'];
    case 'queued':
      return ['compiled', 'queued'];
    case 'scheduled':
      return ['compiled', 'queued', 'scheduled'];
    case 'starting':
      return started;
    case 'failed':
    case 'warning':
    case 'running':
      return [...started, target];
    case 'stopping':
      return [...started, 'running', 'stopping'];
    case 'stopped':
      return [...started, 'running', 'stopping', 'stopped'];
    case 'succeeded':
    case 'processing':
      return [...started, 'running', target];
    default:
      return ['compiled', 'queued', target];
  }
}
