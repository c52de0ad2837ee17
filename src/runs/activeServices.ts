// The services of a project that are up or on their way: what a launch checks before it starts another.
import type { ProjectRef, Run } from '../polyaxon/types';
import { statusInfo } from '../polyaxon/statuses';
import { serviceKindOfRun, type ServiceKind } from '../polyaxon/serviceKind';

/** The services of a project that are not done: from the services list when it is fresh, else one request. */
export interface ActiveServices {
  active(project: ProjectRef, signal?: AbortSignal): Promise<Run[]>;
}

/** Services of `kind` that are not done (running, or on their way), newest first as listed. */
export function sameKindActive(runs: readonly Run[], kind: ServiceKind, componentName?: string): Run[] {
  return runs.filter((run) => {
    const status = statusInfo(run.status);
    if (!status.stoppable || status.group === 'stopping') return false;
    if (kind !== 'other') return serviceKindOfRun(run) === kind;
    return componentName !== undefined && run.name === componentName;
  });
}
