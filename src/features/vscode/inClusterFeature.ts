// dist/feature-inCluster.js: the commands inside a cluster VS Code (clone, git terminal authentication, cloud service
// account) and Build and Push Dev Image….
import { registerDevEnvCommands } from '../../inCluster/vscode/devEnvCommands';
import { rememberImage } from '../../launch/vscode/recentImages';
import type { Core, LoadedFeature } from './core';

export function activate({ context, prompts, log, connections }: Core): LoadedFeature {
  return {
    disposables: registerDevEnvCommands({
      context,
      prompts,
      log,
      env: process.env,
      rememberImage: (kind, image) => rememberImage(context, connections.project(), kind, image),
    }),
  };
}
