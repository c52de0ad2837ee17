import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The Polyaxon CLI keeps its configuration in ~/.polyaxon, as JSON with env-var-style keys: `.client` holds
// POLYAXON_HOST, `.auth` holds POLYAXON_AUTH_TOKEN (polyaxon core/polyaxon/managers/{client,auth}.py; see API.md §6).
// Only when the home folder is not writable does it use /tmp/.polyaxon (core/polyaxon/containers/contexts.py
// polyaxon_user_path()).

export interface CliConfig {
  host?: string;
  token?: string;
  /** The file the host came from, for messages. */
  hostFile?: string;
}

export interface CliConfigPlaces {
  home: string;
  /** The CLI's fallback base folder. */
  tmp: string;
  /** The current user; files in the shared fallback folder must belong to them. Undefined where there are no uids. */
  uid: number | undefined;
}

const defaultPlaces = (): CliConfigPlaces => ({ home: os.homedir(), tmp: '/tmp', uid: process.getuid?.() });

function isWritableDir(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** JSON object in `file`, or undefined when absent, unreadable, malformed, or (when `owner` is given) someone else's. */
function readJson(file: string, owner: number | undefined): Record<string, unknown> | undefined {
  try {
    if (owner !== undefined && fs.statSync(file).uid !== owner) return undefined;
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // the CLI ignores such a file too
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The host and token of the one folder the CLI itself would use; both files come from the same folder. */
export function readCliConfig(places: Partial<CliConfigPlaces> = {}): CliConfig {
  const { home, tmp, uid } = { ...defaultPlaces(), ...places };
  const useHome = isWritableDir(home);
  const dir = path.join(useHome ? home : tmp, '.polyaxon');
  // Anyone may write to /tmp: another user's file there must not choose where this user's token goes.
  const owner = useHome ? undefined : uid;
  const clientFile = path.join(dir, '.client');
  const host = nonEmpty(readJson(clientFile, owner)?.POLYAXON_HOST);
  const token = nonEmpty(readJson(path.join(dir, '.auth'), owner)?.POLYAXON_AUTH_TOKEN);
  return { host, token, hostFile: host ? clientFile : undefined };
}
