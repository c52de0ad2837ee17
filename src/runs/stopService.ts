// Stop, the same from every place that offers it (the tree, the palette, the tab, a launch's outcome, restart).
import type { PolyaxonClient } from '../polyaxon/client';
import type { RunRef } from '../polyaxon/types';
import type { Refresher, ServiceOpener } from './viewPorts';

export interface StopEffects {
  refresher: Refresher;
  /** The tabs; restart leaves it out, since it shows the new copy in the old run's tab itself. */
  opener?: Pick<ServiceOpener, 'refresh'>;
}

/**
 * Asks Polyaxon to stop `ref`. Once it accepted, the list is re-read and an open tab says "stopping" at once
 * rather than at its next poll. Throws what the request threw, with nothing updated.
 */
export async function stopService(client: Pick<PolyaxonClient, 'stopRun'>, ref: RunRef, effects: StopEffects): Promise<void> {
  await client.stopRun(ref);
  effects.refresher.refreshNow();
  effects.opener?.refresh(ref, 'stopping');
}
