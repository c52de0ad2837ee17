import type { CliConfig } from './cliConfig';
import { tryNormaliseHost } from './hostPolicy';

export const DEFAULT_HOST = 'http://localhost:8888';

export type HostSource = 'setting' | 'env' | 'cliConfig' | 'default';
export type TokenSource = 'secretStorage' | 'env' | 'cliConfig' | 'none';

export interface ResolvedHost {
  host: string;
  source: HostSource;
}

export interface ResolvedToken {
  token?: string;
  source: TokenSource;
  /** Why a token that exists was not used for this host (it belongs to another one); never holds the token. */
  withheld?: string;
}

/** `polyaxon.host`, then `$POLYAXON_HOST`, then the CLI's `~/.polyaxon/.client`, then the default gateway port. */
export function resolveHost(setting: string | undefined, env: NodeJS.ProcessEnv, cli: CliConfig): ResolvedHost {
  if (setting?.trim()) return { host: setting.trim(), source: 'setting' };
  if (env.POLYAXON_HOST?.trim()) return { host: env.POLYAXON_HOST.trim(), source: 'env' };
  if (cli.host) return { host: cli.host, source: 'cliConfig' };
  return { host: DEFAULT_HOST, source: 'default' };
}

/**
 * The token for `host` (normalised). Each token goes only to the host it was given for: a stored one is keyed by its
 * host; `$POLYAXON_AUTH_TOKEN` belongs to `$POLYAXON_HOST`; the CLI's `.auth` to the host in the CLI's own `.client`.
 */
export function resolveToken(host: string, stored: string | undefined, env: NodeJS.ProcessEnv, cli: CliConfig): ResolvedToken {
  if (stored) return { token: stored, source: 'secretStorage' };
  const withheld: string[] = [];
  const envToken = env.POLYAXON_AUTH_TOKEN?.trim();
  if (envToken) {
    const envHost = tryNormaliseHost(env.POLYAXON_HOST);
    if (envHost === host) return { token: envToken, source: 'env' };
    withheld.push(`$POLYAXON_AUTH_TOKEN is for ${envHost ?? 'the host in $POLYAXON_HOST, which is not set'}`);
  }
  if (cli.token) {
    const cliHost = tryNormaliseHost(cli.host);
    if (cliHost === host) return { token: cli.token, source: 'cliConfig' };
    withheld.push(`the Polyaxon CLI's token is for ${cliHost ?? 'the host in its .client file, which has none'}`);
  }
  return withheld.length ? { source: 'none', withheld: `${withheld.join('; ')}, not ${host}` } : { source: 'none' };
}
