import * as os from 'os';

/** The local user's name (for default run and project names), or undefined where the system has none. */
export function userName(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME;
  }
}
