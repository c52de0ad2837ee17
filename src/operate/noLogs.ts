// Why a run that exists has no logs to show, when its log stream answers 404. Polyaxon serves logs from the
// container (live) or from the archive it writes once the run is done; a run that never got a container has neither.
import { isDone, isStoppable } from '../polyaxon/statuses';
import type { Run, StatusCondition } from '../polyaxon/types';
import { conditionText, containerStarted } from '../launch/launchProgress';

/** One line for the logs document, e.g. "No logs: it failed before its container started (this cluster has no …)". */
export function noLogsText(run: Pick<Run, 'status'>, conditions: readonly StatusCondition[]): string {
  const status = run.status ?? 'unknown';
  const started = containerStarted(conditions);
  const last = conditions.at(-1);
  const why = conditionText(last);
  const reason = why ? ` (${why})` : '';
  if (!started && isDone(status)) {
    const verb = status === 'stopped' ? 'was stopped' : status === 'succeeded' ? 'ended' : 'failed';
    return `No logs: it ${verb} before its container started${reason}.`;
  }
  if (!started && isStoppable(status)) return `No logs yet: it is ${status} and its container has not started${reason}.`;
  return `No logs were kept for this run, which is ${status}${why ? ` (${why})` : ''}: Polyaxon has no log stream or archive for it.`;
}
