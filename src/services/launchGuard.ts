// Keeps one launch of a kind per project at a time, and spots services of the same kind that already exist.
import type { ProjectRef, Run } from '../polyaxon/types';
import { statusInfo } from '../polyaxon/statuses';
import { serviceKindOfRun, type ServiceKind } from '../polyaxon/serviceKind';

/** Launches between "the user confirmed" and "the service runs or failed". A double click must not create two pods. */
export class LaunchGuard {
  private readonly inFlight = new Set<string>();

  /** Returns a release function, or undefined when the same launch is already in flight. */
  tryAcquire(key: string): (() => void) | undefined {
    if (this.inFlight.has(key)) return undefined;
    this.inFlight.add(key);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.delete(key);
    };
  }

  isBusy(key: string): boolean {
    return this.inFlight.has(key);
  }
}

/** `other` services are told apart by their component name, so two different custom services may run side by side. */
export function launchKey(host: string, owner: string, project: string, kind: ServiceKind, componentName?: string): string {
  return [host, owner, project, kind === 'other' ? `other:${componentName ?? ''}` : kind].join('\u0000');
}

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
