import * as path from 'path';
import { shellQuote } from './shell';

/** Where the AISG guide keeps personal clones on the shared volume. */
export const DEFAULT_WORKSPACE_ROOT = '/polyaxon-v1-data/workspaces';
/** The AISG dev images run as uid/gid 2222; the guide hands the folders to that user. */
const SERVICE_USER = '2222:2222';

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Only HTTPS: the workspace is on storage the whole team can read, so no SSH keys (or tokens) may live there.
 * The URL goes to git as one argument; `url` is the normalised form, not the raw input.
 */
export function checkCloneUrl(input: string): UrlCheck {
  const url = input.trim();
  if (url === '') return { ok: false, reason: 'Enter the HTTPS URL of the repository, for example https://github.com/org/repo.git.' };
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(url)) {
    return { ok: false, reason: 'Remove the spaces, line breaks or control characters from the URL: a repository URL has none.' };
  }
  // scp-like `git@host:org/repo.git` and every ssh:// flavour (ssh://, git+ssh://, ssh+git://).
  if (/^[\w.-]+@[\w.-]+:/.test(url) || /^(git\+)?ssh(\+git)?:\/\//i.test(url)) {
    return {
      ok: false,
      reason:
        'SSH URLs are not allowed here: the workspace is on shared storage that your whole project team can read, so SSH keys must not be kept there. Use the HTTPS URL (https://…) and enter your credentials in the terminal.',
    };
  }
  if (/^http:\/\//i.test(url)) return { ok: false, reason: 'Use https://, not http://: your Git credentials would be sent unencrypted.' };
  if (!/^https:\/\//i.test(url)) {
    return { ok: false, reason: `"${url}" is not an HTTPS URL. Enter one like https://github.com/org/repo.git.` };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `"${url}" is not a valid URL.` };
  }
  // git would save a password/token from the URL in .git/config, on the shared volume.
  if (parsed.password) {
    return {
      ok: false,
      reason:
        'Remove the password or token from the URL: git would store it in .git/config, on storage your team can read. Git asks for it in the terminal.',
    };
  }
  if (repoNameFromUrl(parsed.href) === undefined) {
    return { ok: false, reason: `"${url}" does not name a repository (expected https://host/org/repo.git).` };
  }
  return { ok: true, url: parsed.href };
}

/** The folder name `git clone` would pick (its guess_dir_name: last path part, without `/`, `.git`). */
export function repoNameFromUrl(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url.trim()).pathname;
  } catch {
    return undefined;
  }
  const name = decodeURIComponent(pathname)
    .replace(/\/+$/, '')
    .replace(/\/\.git$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .pop();
  return name && isSafeFolderName(name) ? name : undefined;
}

/** Returns why `name` cannot be a workspace folder name, or undefined when it can. */
export function checkUserName(input: string): string | undefined {
  const name = input.trim();
  if (name === '') return 'Enter your name; your clones go into a folder with that name.';
  if (!isSafeFolderName(name)) {
    return 'Use letters, digits, ".", "_" or "-" only (it becomes a folder name), starting with a letter or digit.';
  }
  if (name.length > 64) return 'Use at most 64 characters.';
  return undefined;
}

function isSafeFolderName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name);
}

export interface CloneTarget {
  /** `<root>/<name>`: the user's own folder, created before cloning. */
  userDir: string;
  /** `<root>/<name>/<repo>`: where the clone goes. */
  target: string;
}

export function cloneTarget(root: string, userName: string, repo: string): CloneTarget {
  const userDir = path.join(path.resolve(root.trim() || DEFAULT_WORKSPACE_ROOT), userName.trim());
  return { userDir, target: path.join(userDir, repo) };
}

/** git and its arguments, passed to it as they are (no shell in between). */
export function cloneCommandLine(url: string, target: string): { command: string; args: string[] } {
  return { command: 'git', args: ['clone', '--', url, target] };
}

/** The guide's one-time setup, limited to the user's own folder so that a chown never touches teammates' files. */
export function workspaceSetupCommand(userDir: string): string {
  const dir = shellQuote(userDir);
  return `sudo mkdir -p ${dir} && sudo chown -R ${SERVICE_USER} ${dir}`;
}
