import type * as vscode from 'vscode';
import type { PolyaxonClient, ProjectRef, RunRef } from '../polyaxon/client';
import type { Installation, Run } from '../polyaxon/types';
import type { EffectiveHostSource } from './forwardedHost';

/** A ready-to-use connection to one Polyaxon host, built from settings, environment, CLI config and SecretStorage. */
export interface Connection {
  readonly client: PolyaxonClient;
  /** Normalised host URL, no trailing slash. */
  readonly host: string;
  /** Where the host comes from: a refused default host means "not configured yet" rather than "down". */
  readonly hostSource: EffectiveHostSource;
  readonly owner: string;
  /** The current project (`polyaxon.project`), if any. */
  readonly project: string | undefined;
}

export interface ConnectionProvider {
  /** The current connection. Cheap: the client is rebuilt only when settings or the token change. */
  get(): Promise<Connection>;
  /** `GET /api/v1/installation`, cached per host: tells v1 from v2. */
  installation(signal?: AbortSignal): Promise<Installation>;
  /** Fires when the host, token, owner or project change. */
  readonly onDidChange: vscode.Event<void>;
}

/** Opens a service for the user; implemented by the service webview. */
export interface ServiceOpener {
  openInWebview(ref: RunRef, run?: Run): Promise<void>;
  openInBrowser(ref: RunRef, run?: Run): Promise<void>;
  /** Re-reads a service whose tab is open, right after one of our actions changed it. */
  refresh(ref: RunRef): void;
}

/** Anything that shows services and should refresh right after one of our actions. */
export interface Refresher {
  refreshNow(): void;
}

export type { ProjectRef, RunRef };
