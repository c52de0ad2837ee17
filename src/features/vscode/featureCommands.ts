// The features loaded on first use, and the commands of each. Activation registers a stub for every command listed
// here; the first one that runs loads the feature's file (dist/feature-<name>.js, bundled from <name>Feature.ts), which
// registers the real commands in the stubs' place. A command added to a feature is added to its list here too (a unit
// test loads each feature and compares).
import type { CommandId } from '../../shared/commandIds';

export const FEATURE_COMMANDS = {
  connection: [
    'polyaxon.configureConnection',
    'polyaxon.selectProject',
    'polyaxon.testConnection',
    'polyaxon.signOut',
    'polyaxon.showOutput',
  ],
  portForward: ['polyaxon.connectCluster', 'polyaxon.reconnectCluster', 'polyaxon.disconnectCluster', 'polyaxon.portForwardActions'],
  launch: ['polyaxon.launchVSCode', 'polyaxon.launchJupyter', 'polyaxon.launchFromPolyaxonfile'],
  operate: [
    'polyaxon.refresh',
    'polyaxon.filter',
    'polyaxon.openInWebview',
    'polyaxon.openInBrowser',
    'polyaxon.copyUrl',
    'polyaxon.openInPolyaxonUI',
    'polyaxon.showLogs',
    'polyaxon.showStatuses',
    'polyaxon.stop',
    'polyaxon.delete',
    'polyaxon.restart',
    'polyaxon.pickService',
  ],
  notebooks: ['polyaxon.useAsNotebookKernel'],
  inCluster: [
    'polyaxon.toggleGitTerminalAuthentication',
    'polyaxon.cloneRepository',
    'polyaxon.activateServiceAccount',
    'polyaxon.buildImage',
  ],
  /** No command: the Problems of polyaxonfiles, loaded by the first YAML document opened. */
  polyaxonfiles: [],
} as const satisfies Record<string, readonly CommandId[]>;

export type FeatureName = keyof typeof FEATURE_COMMANDS;
