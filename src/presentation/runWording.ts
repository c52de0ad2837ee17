// How the extension names a kind of service and says why a run is where it is: one wording for every view.
import { translateCompileError } from '../polyaxon/compileErrors';
import type { ServiceKind } from '../polyaxon/serviceKind';
import type { StatusCondition } from '../polyaxon/types';

/** The kind of a service, as the launch commands name it. */
export const KIND_LABEL: Readonly<Record<ServiceKind, string>> = {
  vscode: 'Cluster VSCode',
  jupyter: 'Cluster Jupyter Lab',
  other: 'Service',
};

/**
 * The lines Polyaxon (CE 1.11.3 and v2) writes for every stop, by message: their reasons name its internals
 * (`OperatorFinalizer`, `StateManager`) and say nothing to a user.
 */
const STOP_LINES: ReadonlyMap<string, string> = new Map([
  ['Operation stopped in finalizer', 'Stopped: the service was shut down and its pod removed.'],
  ['Run is stopping; User requested to stop the run.', 'Stopping: someone asked for it to stop.'],
]);

/**
 * Polyaxon's reason and message of a status condition as one line ("ImagePullBackOff: Back-off pulling…"), or ''.
 * A compile error and a stop are said in plain words instead (the scheduler's `SchedulerPrepare` and the
 * compiler's text, or `OperatorFinalizer: Operation stopped in finalizer`, say nothing to a user).
 */
export function conditionLine(c: Pick<StatusCondition, 'reason' | 'message'> | undefined): string {
  const compile = translateCompileError(c?.message);
  if (compile) return compile.text;
  const message = c?.message?.replace(/\s+/g, ' ').trim();
  const stop = message && STOP_LINES.get(message);
  if (stop) return stop;
  return [c?.reason, message].filter(Boolean).join(': ').replace(/\s+/g, ' ').trim();
}
