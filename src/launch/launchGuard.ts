// Keeps one launch of a kind per project at a time.
import type { ServiceKind } from '../polyaxon/serviceKind';

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
