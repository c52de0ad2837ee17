// The project name the AISG guide asks for, `<repo>-<your name>`, worked out from the workspace. No VS Code API.

/** Polyaxon project names are slugs (polyaxon/schemas validate_slug: letters, digits, `-`, `_`). */
const SLUG = /^[a-z0-9][a-z0-9_-]*$/;

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

/** `<repo>-<user>`, or whichever of the two is known. */
export function suggestProjectName(repo: string | undefined, user: string | undefined): string | undefined {
  const parts = [repo, user].map((p) => slugify(p ?? '')).filter((p) => p.length > 0);
  if (!parts.length) return undefined;
  // A repo already named after the user (e.g. `myrepo-alice`) should not become `myrepo-alice-alice`.
  if (parts.length === 2 && parts[0].endsWith(`-${parts[1]}`)) return parts[0];
  return parts.join('-');
}

/** Why `name` cannot be a project name, or undefined when it can. */
export function projectNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'Enter a project name.';
  if (name.length > 128) return `Use at most 128 characters (this name has ${name.length}).`;
  if (!SLUG.test(name)) {
    const rule = 'Use lower-case letters, digits, "-" and "_" only, starting with a letter or digit.';
    const first = [...name][0];
    if (!/^[a-z0-9]$/.test(first) && /^[a-z0-9_-]$/.test(first)) return `A project name cannot start with "${first}". ${rule}`;
    const offending = [...name].find((c) => !/^[a-z0-9_-]$/.test(c)) ?? first;
    return `${describeChar(offending)} is not allowed in a project name. ${rule}`;
  }
  return undefined;
}

function describeChar(c: string): string {
  if (/\s/.test(c)) return `A space or line break (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
  if (/^[A-Z]$/.test(c)) return `The upper-case "${c}"`;
  return `"${c}"`;
}

/** The repository name from `.git/config`: the `origin` remote's last path segment, else undefined. */
export function repoNameFromGitConfig(config: string): string | undefined {
  const section = /\[remote\s+"origin"\]([^[]*)/.exec(config)?.[1];
  const url = section && /^\s*url\s*=\s*(\S+)\s*$/m.exec(section)?.[1];
  if (!url) return undefined;
  const last = url.replace(/\/+$/, '').split(/[/:]/).pop();
  return last ? last.replace(/\.git$/, '') || undefined : undefined;
}
