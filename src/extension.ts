import * as vscode from 'vscode';
import type { PolyaxonTestApi } from './api';
import { registerConnectionCommands } from './commands/connectionCommands';
import { registerDevEnvCommands } from './commands/devEnvCommands';
import { registerLaunchCommands, type LaunchArgs } from './commands/launchCommands';
import { registerNotebookCommands } from './commands/notebookCommands';
import { registerPortForwardCommands } from './commands/portForwardCommands';
import { registerServiceCommands } from './commands/serviceCommands';
import { ConnectionManager } from './connection/connectionManager';
import { TokenStore } from './connection/tokenStore';
import { parseRunInstance } from './devenv/runInstance';
import { setContext } from './ui/contextKeys';
import { applyInClusterGitSetting } from './ui/gitTerminalAuth';
import { JupyterIntegration } from './ui/jupyterIntegration';
import { ServiceLogs } from './ui/logsDocument';
import { PolyaxonfileDiagnostics } from './ui/polyaxonfileDiagnostics';
import { PortForwardSession } from './ui/portForwardSession';
import { PortForwardStatusBar } from './ui/portForwardStatusBar';
import { SwitchablePrompts } from './ui/prompts';
import { rememberImage } from './ui/recentImages';
import { ServicesStatusBar } from './ui/statusBar';
import { ServiceStatuses } from './ui/statusesView';
import { ServicesView } from './ui/servicesView';
import { ServiceWebviews } from './ui/serviceWebview';
import type { Run } from './polyaxon/types';

/** Kept for deactivate(), which waits until kubectl has exited: dispose() alone could not wait. */
let portForward: PortForwardSession | undefined;

// Wiring only. activate() makes no network request: the services are fetched when the view is shown,
// when the user clicks the status bar, or by a command. (A port-forward that autoStart restores is kubectl's.)
// Other extensions get nothing: the internals (the token-bearing client, the swappable prompts) go only to the
// integration tests, which load the extension in Test mode.
export function activate(context: vscode.ExtensionContext): PolyaxonTestApi | undefined {
  const log = vscode.window.createOutputChannel('Polyaxon', { log: true });
  const prompts = new SwitchablePrompts();
  const inCluster = parseRunInstance(process.env);
  void setContext('polyaxon.inCluster', inCluster !== undefined);

  const connections = new ConnectionManager(new TokenStore(context.secrets), log, context.workspaceState);
  const services = new ServicesView(connections, context.workspaceState, inCluster);
  const statusBar = new ServicesStatusBar(services, inCluster);
  const webviews = new ServiceWebviews({ extensionUri: context.extensionUri, connections, log, refresher: services });
  const logs = new ServiceLogs({ connections, log });
  const statuses = new ServiceStatuses({ connections, log });
  const jupyter = new JupyterIntegration({
    view: services,
    connections,
    log,
    launchJupyter: async () => vscode.commands.executeCommand<Run | undefined>('polyaxon.launchJupyter', { open: 'none' } satisfies LaunchArgs),
  });
  portForward = new PortForwardSession({ workspaceState: context.workspaceState, connections, services, prompts });
  const portForwardStatusBar = new PortForwardStatusBar(portForward);

  context.subscriptions.push(
    log,
    connections,
    services,
    statusBar,
    portForward,
    portForwardStatusBar,
    webviews,
    webviews.registerSerializer(),
    jupyter,
    logs.register(),
    new PolyaxonfileDiagnostics(log),
    ...registerConnectionCommands({ connections, log, prompts }),
    ...registerPortForwardCommands({ session: portForward, log, inCluster: inCluster !== undefined }),
    ...registerServiceCommands({
      connections,
      view: services,
      opener: webviews,
      prompts,
      log,
      currentRun: inCluster,
      showLogs: (ref) => logs.show(ref),
      showStatuses: (ref) => statuses.show(ref),
    }),
    ...registerLaunchCommands({ context, connections, opener: webviews, refresher: services, prompts, log, showLogs: (ref) => logs.show(ref) }),
    ...registerNotebookCommands({ connections, view: services, log }),
    ...registerDevEnvCommands({
      context,
      prompts,
      log,
      env: process.env,
      rememberImage: (kind, image) => rememberImage(context, connections.project(), kind, image),
    }),
  );

  void jupyter.update();
  if (!inCluster) portForward.autoStart();
  void applyInClusterGitSetting({ context, prompts, log, env: process.env }).catch((e: Error) => log.error(`git.terminalAuthentication: ${e.message}`));

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { connections, services, statusBar, webviews, logs, prompts, inCluster, jupyter, portForward, portForwardStatusBar };
}

/** Ends kubectl before the extension host goes: no orphaned port-forward. The rest is in context.subscriptions. */
export async function deactivate(): Promise<void> {
  await portForward?.shutdown();
}
