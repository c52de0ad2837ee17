// dist/feature-portForward.js: Connect to Cluster…, Reconnect, Disconnect, Port-Forward Actions… (the session itself is
// the core's: it restores the port-forward at start-up and shows it in the status bar).
import { registerPortForwardCommands } from '../../portForward/vscode/portForwardCommands';
import type { Core, LoadedFeature } from './core';

export function activate({ portForward, log, prompts, inCluster }: Core): LoadedFeature {
  return { disposables: registerPortForwardCommands({ session: portForward, log, prompts, inCluster: inCluster !== undefined }) };
}
