import * as vscode from 'vscode';
import type { PolyaxonTestApi } from './api';
import type { CommandId } from './shared/commandIds';
import { ConnectionManager } from './connection/vscode/connectionManager';
import { TokenStore } from './connection/vscode/tokenStore';
import { parseRunInstance } from './inCluster/runInstance';
import { initContextKeys } from './servicesView/contextKeys';
import { applyInClusterGitSetting } from './inCluster/vscode/gitTerminalAuth';
import { JupyterIntegration } from './notebooks/vscode/jupyterIntegration';
import { ServiceLogs } from './operate/vscode/logsDocument';
import { PortForwardSession } from './portForward/vscode/portForwardSession';
import { PortForwardStatusBar } from './portForward/vscode/portForwardStatusBar';
import { SwitchablePrompts } from './workbench/vscode/windowPrompts';
import { shownStep } from './workbench/shownStep';
import { ServicesStatusBar } from './servicesView/vscode/statusBar';
import { ServicesView } from './servicesView/vscode/servicesView';
import { ServiceWebviews } from './serviceTab/vscode/serviceWebview';
import { trackWalkthroughState } from './walkthrough/vscode/walkthroughState';
import { preloadHttp } from './polyaxon/transport';
import { registerFocusWorkbenchCommand } from './serviceTab/vscode/serviceTabMessages';
import type { Run } from './polyaxon/types';
import { RunStore } from './runs/runStore';
import type { LaunchArgs } from './launch/launchPorts';
import { LazyFeatures } from './features/vscode/lazyFeatures';
import { ServicesModel } from './runs/servicesModel';
import type { ServiceFilter } from './runs/serviceList';

/** Where the Services view's filter is remembered, per workspace. */
const FILTER_KEY = 'polyaxon.services.filter';

/** Kept for deactivate(), which waits until kubectl has exited: dispose() alone could not wait. */
let portForward: PortForwardSession | undefined;

// Wiring only. activate() makes no request of its own; the services view fetches the list once at start-up (for
// the status bar), then polls within the run store's rules. (A port-forward that autoStart restores is kubectl's.)
// Other extensions get nothing: the internals (the token-bearing client, the swappable prompts) go only to the
// integration tests, which load the extension in Test mode.
export function activate(context: vscode.ExtensionContext): PolyaxonTestApi | undefined {
  const log = vscode.window.createOutputChannel('Polyaxon', { log: true });
  const prompts = new SwitchablePrompts();
  const inCluster = parseRunInstance(process.env);
  const setContext = (key: string, value: unknown) => vscode.commands.executeCommand('setContext', key, value);
  void initContextKeys(setContext, { 'polyaxon.inCluster': inCluster !== undefined }).then(undefined, (e: Error) =>
    log.error(`setContext: ${e.message}`),
  );

  const connections = new ConnectionManager(new TokenStore(context.secrets), log, context.workspaceState);
  const runs = new RunStore(async () => (await connections.get()).client);
  const projectNames = (): string[] => {
    const several = (vscode.workspace.getConfiguration('polyaxon').get<string[]>('projects') ?? []).map((p) => p.trim()).filter(Boolean);
    const current = connections.project();
    return several.length > 0 ? [...new Set(several)] : current ? [current] : [];
  };
  // The hub: the tree, the status bar, the tabs' launch follower, the Jupyter collection, the walkthrough and the
  // port-forward all read (or feed) this one model of the project's services.
  const model = new ServicesModel(
    {
      connection: () => connections.get(),
      projectNames,
      filter: () => context.workspaceState.get<ServiceFilter>(FILTER_KEY, 'active'),
      saveFilter: (filter) => context.workspaceState.update(FILTER_KEY, filter),
    },
    { store: runs, log },
  );
  const services = new ServicesView(model, runs, inCluster, connections.onDidChange, async (ref) =>
    (await connections.get()).client.getRun(ref),
  );
  const statusBar = new ServicesStatusBar(model, inCluster);
  const webviews = new ServiceWebviews({ extensionUri: context.extensionUri, connections, log, runs });
  const logs = new ServiceLogs({ connections, log });
  const jupyter = new JupyterIntegration({
    view: model,
    connections,
    log,
    launchJupyter: async () =>
      vscode.commands.executeCommand<Run | undefined>('polyaxon.launchJupyter' satisfies CommandId, { open: 'none' } satisfies LaunchArgs),
  });
  portForward = new PortForwardSession({ workspaceState: context.workspaceState, connections, services: model, prompts });
  const portForwardStatusBar = new PortForwardStatusBar(portForward);
  const features = new LazyFeatures({ context, log, prompts, connections, runs, model, webviews, logs, portForward, inCluster });

  context.subscriptions.push(
    log,
    connections,
    { dispose: () => runs.dispose() },
    { dispose: () => model.dispose() },
    connections.onDidChange(() => model.reset()),
    services,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('polyaxon.projects')) model.reset();
    }),
    statusBar,
    portForward,
    portForwardStatusBar,
    webviews,
    webviews.registerSerializer(),
    registerFocusWorkbenchCommand(),
    jupyter,
    trackWalkthroughState(model, connections, context.extension.id),
    logs.register(),
    // The commands of launch, the service commands, notebooks, the port-forward, in-cluster and the connection: each
    // feature's file is loaded by its first command (src/features/vscode/featureCommands.ts lists them).
    features,
    features.loadOnYaml(),
  );

  // Right after activate() returns: the first fetch (its connection reads the CLI's config files), and axios, loaded
  // while that fetch resolves its connection so that the request does not wait for it.
  const startUp = setTimeout(() => {
    services.start();
    preloadHttp();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(startUp) });

  void jupyter.update();
  if (!inCluster) portForward.autoStart();
  void applyInClusterGitSetting({ context, prompts, log, env: process.env }).catch((e: Error) =>
    log.error(`git.terminalAuthentication: ${e.message}`),
  );

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    connections,
    services,
    model,
    statusBar,
    webviews,
    logs,
    prompts,
    inCluster,
    jupyter,
    portForward,
    portForwardStatusBar,
    wizardStep: shownStep,
  };
}

/** Ends kubectl before the extension host goes: no orphaned port-forward. The rest is in context.subscriptions. */
export async function deactivate(): Promise<void> {
  await portForward?.shutdown();
}
