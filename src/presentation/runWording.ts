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
 * Polyaxon's reason and message of a status condition as one line ("ImagePullBackOff: Back-off pulling…"), or ''.
 * A compile error is said in plain words instead (the scheduler's `SchedulerPrepare` and the compiler's text say
 * nothing to a user).
 */
export function conditionLine(c: Pick<StatusCondition, 'reason' | 'message'> | undefined): string {
  const compile = translateCompileError(c?.message);
  if (compile) return compile.text;
  return [c?.reason, c?.message].filter(Boolean).join(': ').replace(/\s+/g, ' ').trim();
}
