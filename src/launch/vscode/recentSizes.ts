// The size last launched with, per project and kind, for the wizard's Resources step (as recentImages.ts keeps images).
import type * as vscode from 'vscode';
import type { ServiceKind } from '../../polyaxon/serviceKind';
import { sizeProblem, type Size, type SizeField } from '../../polyaxonfile/resources';

const RECENT_SIZES_KEY = 'polyaxon.recentSizes';

type RecentSizes = Record<string, Size>;

function recentKey(project: string, kind: ServiceKind): string {
  return `${kind}:${project}`;
}

/** Remembers `size` for this project and kind; a value Kubernetes would refuse is never kept. */
export async function rememberSize(context: vscode.ExtensionContext, project: string, kind: ServiceKind, size: Size): Promise<void> {
  const entries = (['cpu', 'memory', 'gpu'] as const)
    .map((field): [SizeField, string | undefined] => [field, size[field]])
    .filter((entry): entry is [SizeField, string] => entry[1] !== undefined && !sizeProblem(entry[0], entry[1]));
  if (!entries.length) return;
  const all = { ...context.globalState.get<RecentSizes>(RECENT_SIZES_KEY, {}), [recentKey(project, kind)]: Object.fromEntries(entries) };
  await context.globalState.update(RECENT_SIZES_KEY, all);
}

export function recentSize(context: vscode.ExtensionContext, project: string, kind: ServiceKind): Size | undefined {
  return context.globalState.get<RecentSizes>(RECENT_SIZES_KEY, {})[recentKey(project, kind)];
}
