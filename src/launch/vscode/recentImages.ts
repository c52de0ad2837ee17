// Recent DOCKER_IMAGE values, per project and kind, for the wizard's image step.
import type * as vscode from 'vscode';
import type { ServiceKind } from '../../polyaxon/serviceKind';
import { imageReferenceProblem } from '../../polyaxonfile/imageReference';

const RECENT_IMAGES_KEY = 'polyaxon.recentImages';
const MAX_RECENT_IMAGES = 5;
const ANY_PROJECT = '*';

type RecentImages = Record<string, string[]>;

function recentKey(project: string | undefined, kind: ServiceKind): string {
  return `${kind}:${project ?? ANY_PROJECT}`;
}

/**
 * Newest first. Also recorded for "any project" so a new project starts with the user's usual images.
 * A value Docker would refuse is never kept: it would be offered again at every launch.
 */
export async function rememberImage(
  context: vscode.ExtensionContext,
  project: string | undefined,
  kind: ServiceKind,
  image: string,
): Promise<void> {
  if (imageReferenceProblem(image)) return;
  const all = { ...context.globalState.get<RecentImages>(RECENT_IMAGES_KEY, {}) };
  for (const key of new Set([recentKey(project, kind), recentKey(undefined, kind)])) {
    all[key] = [image, ...(all[key] ?? []).filter((i) => i !== image)].slice(0, MAX_RECENT_IMAGES);
  }
  await context.globalState.update(RECENT_IMAGES_KEY, all);
}

/** This project's images first, then those used in other projects. */
export function recentImages(context: vscode.ExtensionContext, project: string | undefined, kind: ServiceKind): string[] {
  const all = context.globalState.get<RecentImages>(RECENT_IMAGES_KEY, {});
  const merged = [...(all[recentKey(project, kind)] ?? []), ...(all[recentKey(undefined, kind)] ?? [])];
  return [...new Set(merged)].slice(0, MAX_RECENT_IMAGES);
}
