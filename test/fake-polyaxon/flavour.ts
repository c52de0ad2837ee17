// Which kind of program a run simulates: decides its log lines and its service page.
import type { StoredRun } from './store';

export type Flavour = 'vscode' | 'jupyter' | 'service' | 'job';

export function flavourOf(run: StoredRun): Flavour {
  const words = [run.name ?? '', ...(run.tags ?? []), String(run.inputs?.DOCKER_IMAGE ?? '')].join(' ').toLowerCase();
  if (run.kind !== 'service') return 'job';
  // AISG names and tags: vscode-service [vscode] / jupyterlab-notebook [jupyter, notebook, lab] (API.md §2).
  if (/jupyter|notebook/.test(words)) return 'jupyter';
  if (/vscode|code-server/.test(words)) return 'vscode';
  return 'service';
}

/** The main container image: from the compiled content, else the DOCKER_IMAGE input. */
export function imageOf(run: StoredRun): string {
  try {
    const image = (JSON.parse(run.content ?? '{}') as { run?: { container?: { image?: unknown } } }).run?.container?.image;
    if (typeof image === 'string' && image) return image;
  } catch {
    // content of an addRun() run may be anything
  }
  return String(run.inputs?.DOCKER_IMAGE ?? 'polyaxon/polyaxon-examples:latest');
}
