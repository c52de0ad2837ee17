import type { HostSource, ResolvedHost } from './resolve';

/** Where the host comes from, including the extension's own port-forward. */
export type EffectiveHostSource = HostSource | 'portForward';

/**
 * While the extension manages a port-forward, its `http://localhost:<port>` replaces every host source but an
 * explicit polyaxon.host: $POLYAXON_HOST or the CLI's .client may name a port of a forward that is long gone.
 */
export function preferForwardedHost(resolved: ResolvedHost, forwarded: string | undefined): { host: string; source: EffectiveHostSource } {
  return forwarded && resolved.source !== 'setting' ? { host: forwarded, source: 'portForward' } : resolved;
}
