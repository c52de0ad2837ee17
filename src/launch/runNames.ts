// Default run names that tell two services apart in the tree: `vscode-<user>-<n>`, n the smallest free number.
import type { PolyaxonClient } from '../polyaxon/client';
import type { ProjectRef } from '../polyaxon/types';

/** Lowercase letters, digits and dashes, as Polyaxon's run names and Kubernetes labels like them. */
export function nameSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

const runStem = (prefix: string, user: string): string => [nameSlug(prefix), nameSlug(user)].filter(Boolean).join('-');

/** `<prefix>-<user>-<n>` with n ≥ 1 the smallest number that no name in `taken` uses. */
export function nextRunName(prefix: string, user: string, taken: Iterable<string>): string {
  return nextNameOfStem(runStem(prefix, user), taken);
}

function nextNameOfStem(stem: string, taken: Iterable<string>): string {
  const used = new Set<number>();
  for (const name of taken) {
    if (!name.startsWith(`${stem}-`)) continue;
    const rest = name.slice(stem.length + 1);
    if (/^[1-9]\d*$/.test(rest)) used.add(Number(rest));
  }
  let n = 1;
  while (used.has(n)) n++;
  return `${stem}-${n}`;
}

/** The project's run names that start with the stem (a PQL search: `name:<stem>-%`), whatever their status. */
async function freeNameOfStem(client: PolyaxonClient, project: ProjectRef, stem: string): Promise<string> {
  const page = await client.listRuns(project, { query: `name:${stem}-%`, sort: '-created_at', limit: 100 });
  return nextNameOfStem(
    stem,
    page.results.map((r) => r.name ?? ''),
  );
}

export async function defaultRunName(client: PolyaxonClient, project: ProjectRef, prefix: string, user: string): Promise<string> {
  return freeNameOfStem(client, project, runStem(prefix, user));
}

/**
 * A restarted copy's name, so that it and its stopped original differ: `vscode-alice-1` → the smallest free
 * `vscode-alice-<n>`. Undefined for a name not of that form (the copy keeps it).
 */
export async function restartedRunName(client: PolyaxonClient, project: ProjectRef, original: string): Promise<string | undefined> {
  const stem = /^(.+)-[1-9]\d*$/.exec(original)?.[1];
  return stem === undefined ? undefined : freeNameOfStem(client, project, stem);
}
