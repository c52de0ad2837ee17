// What "Launch Again" in a stopped or deleted service tab runs: the launch command of the same kind, with the run's
// parameters when they are known (then the launch asks nothing), else the launch wizard for its project.
import type { ServiceKind } from '../polyaxon/serviceKind';
import { textOf } from '../polyaxon/serverText';

export interface LaunchAgain {
  command: 'polyaxon.launchVSCode' | 'polyaxon.launchJupyter' | 'polyaxon.launchFromPolyaxonfile';
  /** The command's LaunchArgs (src/launch/vscode/launchCommands.ts). */
  args: { project: string; params?: Record<string, string> };
}

const COMMANDS: Record<ServiceKind, LaunchAgain['command']> = {
  vscode: 'polyaxon.launchVSCode',
  jupyter: 'polyaxon.launchJupyter',
  other: 'polyaxon.launchFromPolyaxonfile',
};

export function launchAgain(kind: ServiceKind | undefined, project: string, inputs?: Record<string, unknown> | null): LaunchAgain {
  const command = COMMANDS[kind ?? 'other'];
  // Another service's inputs belong to a polyaxonfile the user picks again: its wizard asks for them.
  const entries = command === COMMANDS.other ? [] : Object.entries(inputs ?? {}).filter(([, v]) => v !== null && v !== undefined);
  const params = entries.length ? Object.fromEntries(entries.map(([k, v]) => [k, textOf(v)])) : undefined;
  return { command, args: { project, ...(params && { params }) } };
}
