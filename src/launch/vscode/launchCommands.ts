// Launch Cluster VSCode / Jupyter Lab / any service polyaxonfile, and Restart: argument mapping only. The launch
// itself is the LaunchManager's (src/launch/launchManager.ts).
import * as vscode from 'vscode';
import type { Run } from '../../polyaxon/types';
import type { LaunchArgs, LaunchTarget } from '../launchPorts';
import type { LaunchManager } from '../launchManager';
import type { Prompts } from '../../workbench/vscode/windowPrompts';
import { ProjectNode } from '../../servicesView/vscode/servicesTree';
import { registerCommands } from '../../workbench/vscode/registerCommands';

export type { LaunchArgs };

export interface LaunchCommandDeps {
  manager: LaunchManager;
  prompts: Prompts;
  log: vscode.LogOutputChannel;
}

/**
 * Each command resolves the Run it ended with: the new one (its `status` tells the outcome: running, failed,
 * unschedulable, …), the active one the user chose to open, or undefined when nothing was launched.
 * Problems are shown to the user; with `args.params` (no questions) they are thrown instead.
 */
export function registerLaunchCommands(deps: LaunchCommandDeps): vscode.Disposable[] {
  const launch = (target: LaunchTarget, arg: unknown): Promise<Run | undefined> => deps.manager.launch(target, toArgs(arg));
  return registerCommands(
    deps,
    {
      'polyaxon.launchVSCode': (arg?: unknown) => launch({ kind: 'vscode' }, arg),
      'polyaxon.launchJupyter': (arg?: unknown) => launch({ kind: 'jupyter' }, arg),
      // From the explorer or editor title the argument is the file's Uri.
      'polyaxon.launchFromPolyaxonfile': (arg?: unknown) =>
        launch({ file: arg instanceof vscode.Uri ? arg.fsPath : undefined }, arg instanceof vscode.Uri ? undefined : arg),
    },
    { rethrow: ([arg]) => toArgs(arg).params !== undefined },
  );
}

/** Tree project nodes pass themselves; everything else is `LaunchArgs` or nothing. */
function toArgs(arg: unknown): LaunchArgs {
  if (arg instanceof ProjectNode) return { project: arg.ref.project };
  return arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : {};
}
