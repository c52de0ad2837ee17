import type { CliConfig } from './cliConfig';

export const DEFAULT_HOST = 'http://localhost:8888';

export type HostSource = 'setting' | 'env' | 'cliConfig' | 'default';
export type TokenSource = 'secretStorage' | 'env' | 'cliConfig' | 'none';

export interface ResolvedHost {
  host: string;
  source: HostSource;
}

/** `polyaxon.host`, then `$POLYAXON_HOST`, then the CLI's `~/.polyaxon/.client`, then the default gateway port. */
export function resolveHost(setting: string | undefined, env: NodeJS.ProcessEnv, cli: CliConfig): ResolvedHost {
  if (setting?.trim()) return { host: setting.trim(), source: 'setting' };
  if (env.POLYAXON_HOST?.trim()) return { host: env.POLYAXON_HOST.trim(), source: 'env' };
  if (cli.host) return { host: cli.host, source: 'cliConfig' };
  return { host: DEFAULT_HOST, source: 'default' };
}

/** A token stored for this host wins; then `$POLYAXON_AUTH_TOKEN`; then the CLI's `~/.polyaxon/.auth`. */
export function resolveToken(stored: string | undefined, env: NodeJS.ProcessEnv, cli: CliConfig): { token?: string; source: TokenSource } {
  if (stored) return { token: stored, source: 'secretStorage' };
  if (env.POLYAXON_AUTH_TOKEN?.trim()) return { token: env.POLYAXON_AUTH_TOKEN.trim(), source: 'env' };
  if (cli.token) return { token: cli.token, source: 'cliConfig' };
  return { source: 'none' };
}
