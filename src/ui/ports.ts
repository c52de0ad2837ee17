// What the commands need from the views, so that they do not depend on the views' classes.
import type { Run, RunRef } from '../polyaxon/types';

/** Opens a service for the user; implemented by the service webview. */
export interface ServiceOpener {
  /** `replacing`: the tab open on that run shows `ref` instead (restart), else a tab opens as usual. */
  openInWebview(ref: RunRef, run?: Run, replacing?: RunRef): Promise<void>;
  /** A tab is open on this run. */
  isOpenInTab(ref: RunRef): boolean;
  openInBrowser(ref: RunRef, run?: Run): Promise<void>;
  /**
   * Re-reads a service whose tab is open, right after one of our actions changed it; `change` is what the action is
   * known to have done, which the tab shows at once instead of waiting for the server to report it.
   */
  refresh(ref: RunRef, change?: KnownChange): void;
}

/** What a successful Stop or Delete did to a run. */
export type KnownChange = 'stopping' | 'deleted';

/** Anything that shows services and should refresh right after one of our actions. */
export interface Refresher {
  refreshNow(): void;
}
