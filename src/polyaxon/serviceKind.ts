import { textOf } from './serverText';
import type { Run } from './types';

export type ServiceKind = 'vscode' | 'jupyter' | 'other';

const VSCODE = /vscode|vs-code|code-server|codeserver/i;
const JUPYTER = /jupyter|notebook|\blab\b/i;

/**
 * One rule for runs and polyaxonfiles alike (the launch guard compares the two): tags first (the AISG files tag
 * `vscode` / `jupyter, notebook, lab`), then the name, then the image.
 */
export function serviceKindFrom(clues: { tags?: readonly string[] | null; name?: string | null; image?: string | null }): ServiceKind {
  // Runs come from the server as they are: `tags` may be a text or an object, a name may be a number.
  const tags: unknown[] = Array.isArray(clues.tags) ? clues.tags : [];
  for (const clue of [...tags, clues.name, clues.image].filter((c): c is string => typeof c === 'string')) {
    if (VSCODE.test(clue)) return 'vscode';
    if (JUPYTER.test(clue)) return 'jupyter';
  }
  return 'other';
}

export function serviceKindOfRun(run: Pick<Run, 'tags' | 'name' | 'inputs'>): ServiceKind {
  return serviceKindFrom({ tags: run.tags, name: run.name, image: textOf(run.inputs?.DOCKER_IMAGE) });
}
