// The run store's watches of a changing list of runs: what the services model follows while the tree is hidden.
import { runKey, type RunRef } from '../polyaxon/types';
import type { RunWatcher } from './runStore';

/** A set of store watches that follows a changing list of runs (the services the hidden tree still follows). */
export class WatchSet {
  private readonly watches = new Map<string, () => void>();
  constructor(private readonly store: RunWatcher) {}
  follow(refs: readonly RunRef[]): void {
    const wanted = new Map(refs.map((ref) => [runKey(ref), ref]));
    for (const [key, unwatch] of this.watches) {
      if (wanted.has(key)) continue;
      unwatch();
      this.watches.delete(key);
    }
    for (const [key, ref] of wanted) {
      if (!this.watches.has(key)) {
        this.watches.set(
          key,
          this.store.watch(ref, () => undefined),
        );
      }
    }
  }
}
