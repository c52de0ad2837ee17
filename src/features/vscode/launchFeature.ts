// dist/feature-launch.js: Launch Cluster VSCode / Jupyter Lab / Service from Polyaxonfile…, and the launch manager that
// the service commands' Restart uses.
import { LaunchManager } from '../../launch/launchManager';
import { registerLaunchCommands } from '../../launch/vscode/launchCommands';
import { launchDeps } from '../../launch/vscode/launchUi';
import type { Core, LoadedFeature } from './core';

export function activate(core: Core): LoadedFeature {
  const { context, connections, webviews, model, runs, prompts, log, logs } = core;
  const manager = new LaunchManager(
    launchDeps({
      context,
      connections,
      opener: webviews,
      refresher: model,
      runs,
      activeServices: model,
      prompts,
      log,
      showLogs: (ref) => logs.show(ref),
    }),
  );
  return { disposables: registerLaunchCommands({ manager, prompts, log }), restart: (ref) => manager.restart(ref) };
}
