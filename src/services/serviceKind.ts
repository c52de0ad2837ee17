import type { Run } from '../polyaxon/types';

export type ServiceKind = 'vscode' | 'jupyter' | 'other';

const VSCODE = /vscode|vs-code|code-server|codeserver/i;
const JUPYTER = /jupyter|notebook|\blab\b/i;

/** Tags first (the AISG files tag `vscode` / `jupyter, notebook, lab`), then the run name, then the image. */
export function serviceKindOfRun(run: Pick<Run, 'tags' | 'name' | 'inputs'>): ServiceKind {
  const tags = run.tags ?? [];
  if (tags.some((t) => VSCODE.test(t))) return 'vscode';
  if (tags.some((t) => JUPYTER.test(t))) return 'jupyter';
  for (const text of [run.name ?? '', String(run.inputs?.DOCKER_IMAGE ?? '')]) {
    if (VSCODE.test(text)) return 'vscode';
    if (JUPYTER.test(text)) return 'jupyter';
  }
  return 'other';
}
