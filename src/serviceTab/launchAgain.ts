// What "Launch Again" in a stopped or deleted service tab runs: the launch command of the same kind, with the run's
// parameters when they are known (then the launch asks nothing), else the launch wizard for its project; either way
// with the CPUs and memory the run was compiled with.
import type { ServiceKind } from '../polyaxon/serviceKind';
import { textOf } from '../polyaxon/serverText';
import { runSize, type Size } from '../polyaxonfile/resources';

export interface LaunchAgain {
  command: 'polyaxon.launchVSCode' | 'polyaxon.launchJupyter' | 'polyaxon.launchFromPolyaxonfile';
  /** The command's LaunchArgs (src/launch/vscode/launchCommands.ts). */
  args: { project: string; params?: Record<string, string>; resources?: Size };
}

const COMMANDS: Record<ServiceKind, LaunchAgain['command']> = {
  vscode: 'polyaxon.launchVSCode',
  jupyter: 'polyaxon.launchJupyter',
  other: 'polyaxon.launchFromPolyaxonfile',
};

/** `content` is the run's compiled operation (Run.content), where its resources are. */
export function launchAgain(
  kind: ServiceKind | undefined,
  project: string,
  inputs?: Record<string, unknown> | null,
  content?: string | null,
): LaunchAgain {
  const command = COMMANDS[kind ?? 'other'];
  // Another service's inputs belong to a polyaxonfile the user picks again: its wizard asks for them.
  const entries = command === COMMANDS.other ? [] : Object.entries(inputs ?? {}).filter(([, v]) => v !== null && v !== undefined);
  const params = entries.length ? Object.fromEntries(entries.map(([k, v]) => [k, textOf(v)])) : undefined;
  const resources = command === COMMANDS.other ? undefined : runSize(content);
  return { command, args: { project, ...(params && { params }), ...(resources && { resources }) } };
}
