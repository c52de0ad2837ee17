import type { Event } from '../shared/event';
import type { PolyaxonClient } from '../polyaxon/client';
import type { Installation } from '../polyaxon/types';
import type { EffectiveHostSource } from './forwardedHost';
import type { ProjectSource } from './projectInForce';

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
  /** Where the project comes from: Select Project's choice in this workspace wins over the setting. */
  readonly projectSource?: ProjectSource;
}

export interface ConnectionProvider {
  /** The current connection. Cheap: the client is rebuilt only when settings or the token change. */
  get(): Promise<Connection>;
  /** `GET /api/v1/installation`, cached per host: tells v1 from v2. */
  installation(signal?: AbortSignal): Promise<Installation>;
  /** Fires when the host, token, owner or project change. */
  readonly onDidChange: Event<void>;
}
