// dist/feature-operate.js: the commands on a service (open, copy URL, logs, statuses, stop, delete, restart, pick) and
// the view's Refresh and Filter.
import { registerServiceCommands } from '../../operate/vscode/serviceCommands';
import { ServiceStatuses } from '../../operate/vscode/statusesView';
import type { RunRef } from '../../polyaxon/types';
import type { Core, LoadedFeature } from './core';

export function activate(core: Core): LoadedFeature {
  const { connections, model, webviews, prompts, log, inCluster, logs } = core;
  const statuses = new ServiceStatuses({ connections, log });
  // The launch feature is loaded by the first Restart, not with these commands.
  const restart = (ref: RunRef) => {
    const launch = core.feature('launch');
    if (!launch.restart) throw new Error('the launch feature offers no restart');
    return launch.restart(ref);
  };
  return {
    disposables: registerServiceCommands({
      connections,
      view: model,
      opener: webviews,
      prompts,
      log,
      currentRun: inCluster,
      showLogs: (ref) => logs.show(ref),
      showStatuses: (ref) => statuses.show(ref),
      restart,
    }),
  };
}
