// Ticks the walkthrough's steps by command as well as by `onContext:` completion events. VS Code creates its
// walkthroughs service when the walkthrough is first shown; an `onContext:` event already true by then is noted as
// seen without ticking its step, and is never heard again in that session (gettingStartedService: registration
// adds it to sessionEvents, progressByEvent skips seen events). Connect, Project and Launch, true before anyone
// opens the walkthrough, stayed unticked. `welcome.markStepComplete` ticks a step whenever the service starts.
import { onDidChangeContextKey, type ContextKeys } from '../servicesView/contextKeys';

export const WALKTHROUGH_ID = 'polyaxon.gettingStarted';

/** The step each key ticks (the manifest's completionEvents say the same, `onContext:<key>`). */
export const STEP_OF_KEY: Readonly<Partial<Record<keyof ContextKeys, string>>> = {
  'polyaxon.connected': 'connect',
  'polyaxon.projectChosen': 'project',
  'polyaxon.imageBuilt': 'build',
  'polyaxon.serviceRunning': 'launch',
  'polyaxon.notebookKernelUsed': 'notebook',
};

export type RunCommand = (command: string, arg: string) => PromiseLike<unknown>;

/** From now on, a key that turns true marks its step complete (`<extension id>#<walkthrough>#<step>`, as VS Code names it). */
export function tickStepsFromKeys(extensionId: string, run: RunCommand): () => void {
  return onDidChangeContextKey((key, value) => {
    const step = STEP_OF_KEY[key];
    // A VS Code without the command, or a step not registered yet (it is saved done all the same), is no failure.
    if (step && value === true) {
      run('welcome.markStepComplete', `${extensionId}#${WALKTHROUGH_ID}#${step}`).then(undefined, () => undefined);
    }
  });
}
