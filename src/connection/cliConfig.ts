import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The Polyaxon CLI keeps its configuration in ~/.polyaxon (or /tmp/.polyaxon when $HOME is not writable), as JSON
// with env-var-style keys: `.client` holds POLYAXON_HOST, `.auth` holds POLYAXON_AUTH_TOKEN
// (polyaxon core/polyaxon/managers/{client,auth}.py; see API.md §6). Later files win, like the CLI's ConfigSpec merge.

export interface CliConfig {
  host?: string;
  token?: string;
  /** The file the host came from, for messages. */
  hostFile?: string;
}

function configDirs(home: string): string[] {
  return [path.join(os.tmpdir(), '.polyaxon'), path.join(home, '.polyaxon')];
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // absent or unreadable: the CLI ignores it too
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function readCliConfig(home: string = os.homedir()): CliConfig {
  const config: CliConfig = {};
  for (const dir of configDirs(home)) {
    const client = readJson(path.join(dir, '.client'));
    const host = nonEmpty(client?.POLYAXON_HOST);
    if (host) {
      config.host = host;
      config.hostFile = path.join(dir, '.client');
    }
    const token = nonEmpty(readJson(path.join(dir, '.auth'))?.POLYAXON_AUTH_TOKEN);
    if (token) config.token = token;
  }
  return config;
}
