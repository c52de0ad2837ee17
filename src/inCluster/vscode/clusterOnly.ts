// Commands that only make sense inside a cluster VS Code service (a Polyaxon pod): on a laptop they would create
// /polyaxon-v1-data/… locally, or look for a key that only the pod has. Run there, they explain and offer the cluster
// VS Code instead, and touch nothing, whether called from the palette, the walkthrough or a keybinding.
import * as vscode from 'vscode';
import { isInsideService } from '../runInstance';
import type { DevEnvDeps } from './devEnvDeps';

const OPEN = 'Open a Cluster VS Code';
const LAUNCH = 'Launch Cluster VSCode';

/** Runs `run` inside a Polyaxon service; elsewhere says why it does not run here and offers the way there. */
export function clusterOnly<T>(deps: DevEnvDeps, title: string, needs: string, run: () => Promise<T>): Promise<T | undefined> {
  if (isInsideService(deps.env)) return run();
  const message =
    `${title} runs inside a cluster VS Code service, where ${needs}. ` +
    'This VS Code runs on your machine, so nothing was done here: open or launch the cluster VS Code and run it there.';
  deps.log.warn(message);
  // Not awaited: the command ends at once, and the offer stays until the user answers it.
  void deps.prompts
    .choose(message, [OPEN, LAUNCH] as const, { severity: 'warning' })
    .then((choice) => choice && vscode.commands.executeCommand(choice === OPEN ? 'polyaxon.pickService' : 'polyaxon.launchVSCode'))
    .then(undefined, (e: unknown) => deps.log.error(`${title}: ${e instanceof Error ? e.message : String(e)}`));
  return Promise.resolve(undefined);
}
