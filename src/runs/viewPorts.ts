// What the commands need from the views, so that they do not depend on the views' classes.
import type { Run, RunRef } from '../polyaxon/types';

/** Opens a service for the user; implemented by the service webview. */
export interface ServiceOpener {
  openInWebview(ref: RunRef, run?: Run, how?: OpenTabOptions): Promise<void>;
  /** A tab is open on this run. */
  isOpenInTab(ref: RunRef): boolean;
  openInBrowser(ref: RunRef, run?: Run): Promise<void>;
  /**
   * Re-reads a service whose tab is open, right after one of our actions changed it; `change` is what the action is
   * known to have done, which the tab shows at once instead of waiting for the server to report it.
   */
  refresh(ref: RunRef, change?: KnownChange): void;
}

export interface OpenTabOptions {
  /** The tab open on this run shows `ref` instead (restart), else a tab opens as usual. */
  replacing?: RunRef;
  /**
   * Keep the keyboard where it is: the tab opens because a launch the user is no longer watching reached running,
   * and they may be typing elsewhere (another wizard, an editor).
   */
  preserveFocus?: boolean;
}

/** What a successful Stop or Delete did to a run. */
export type KnownChange = 'stopping' | 'deleted';

/** Anything that shows services and should refresh right after one of our actions. */
export interface Refresher {
  refreshNow(): void;
}
