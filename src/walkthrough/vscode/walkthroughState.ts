// The getting-started walkthrough ticks its steps from what is true (completionEvents `onContext:` in package.json,
// and by command: walkthroughTicks.ts), not from a command having been run: connected, a project chosen, a service running.
import * as vscode from 'vscode';
import type { ConnectionManager } from '../../connection/vscode/connectionManager';
import { allRuns } from '../../runs/servicesSnapshot';
import { setContext } from '../../servicesView/contextKeys';
import type { ServicesModel } from '../../runs/servicesModel';
import { tickStepsFromKeys } from '../walkthroughTicks';

type WalkthroughKey = 'polyaxon.connected' | 'polyaxon.projectChosen' | 'polyaxon.serviceRunning';

/** Sets the keys whenever the view's state or the settings change (setContext sends only changed values). */
export function trackWalkthroughState(
  view: ServicesModel,
  connections: Pick<ConnectionManager, 'project' | 'onDidChange'>,
  extensionId: string,
): vscode.Disposable {
  const stopTicking = tickStepsFromKeys(extensionId, (command, arg) => vscode.commands.executeCommand(command, arg));
  const set = (key: WalkthroughKey, value: boolean) => void setContext(key, value);
  const update = () => {
    set('polyaxon.connected', view.state === 'ok' || view.state === 'empty' || view.state === 'noProject');
    set('polyaxon.projectChosen', Boolean(connections.project()));
    set(
      'polyaxon.serviceRunning',
      allRuns(view.snapshot).some((run) => run.status === 'running'),
    );
  };
  update();
  return vscode.Disposable.from(view.onDidChange(update), connections.onDidChange(update), { dispose: stopTicking });
}
