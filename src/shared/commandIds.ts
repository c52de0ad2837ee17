// Every command the extension contributes, typed and grouped by the feature that registers it: registration takes
// only these ids, and a unit test checks them against package.json's contributes.commands in both directions.
// `core` commands are registered at activation; each other group by its feature file, loaded on first use
// (src/features/vscode/lazyFeatures.ts), so a command added to a feature is added to its group here.
export const COMMANDS_BY_FEATURE = {
  core: ['polyaxon.focusWorkbench'],
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
    'polyaxon.keyboardBack',
  ],
  /** No command: the Problems of polyaxonfiles, loaded by the first YAML document opened. */
  polyaxonfiles: [],
} as const;

export type CommandId = (typeof COMMANDS_BY_FEATURE)[keyof typeof COMMANDS_BY_FEATURE][number];

export const COMMAND_IDS: readonly CommandId[] = Object.values(COMMANDS_BY_FEATURE).flat();
