import * as vscode from 'vscode';
import { DEFAULT_LOCAL_PORT, DEFAULT_NAMESPACE, findGateways, prepareTarget, type ConnectChoice } from '../discovery';
import { ForwardError, type ForwardErrorKind } from '../forwardError';
import { listContexts } from '../kubectl';
import { firstFreePort, isPortFree } from '../tcpPorts';
import type { ForwardTarget } from '../supervisor';
import { MultiStepInput } from '../../workbench/vscode/multiStepInput';
import type { PortForwardSession } from './portForwardSession';
import type { Prompts } from '../../workbench/vscode/windowPrompts';
import { registerCommands, type CommandTable } from '../../workbench/vscode/registerCommands';

export interface PortForwardCommandDeps {
  session: PortForwardSession;
  log: vscode.LogOutputChannel;
  prompts: Prompts;
  /** Inside a Polyaxon service the API is reachable directly: nothing to forward. */
  inCluster: boolean;
}

export type ConnectOutcome =
  { connected: true; target: ForwardTarget } | { connected: false; error?: { kind: ForwardErrorKind; message: string } };

const INSTALL_URL = 'https://kubernetes.io/docs/tasks/tools/';

/** The four steps: kube context, namespace, gateway service, local port; remembered values come first. */
async function chooseTarget(session: PortForwardSession): Promise<ConnectChoice | undefined> {
  const kubectl = session.kubectl();
  const last = session.remembered;
  const state: Partial<ConnectChoice> = {};
  const completed = await MultiStepInput.run('Polyaxon: Connect to Cluster', [
    async (input) => {
      const { names, current } = await listContexts(kubectl);
      const first = last && names.includes(last.context) ? last.context : current;
      const ordered = first ? [first, ...names.filter((n) => n !== first)] : names;
      const items = ordered.map((label) => ({ label, description: label === current ? 'current context' : undefined }));
      if (names.length === 0) {
        throw new ForwardError(
          'noContext',
          'Your kubeconfig ($KUBECONFIG or ~/.kube/config) has no contexts. Add the cluster first, e.g. with `gcloud container clusters get-credentials`.',
        );
      }
      state.context = (await input.showQuickPick({ placeholder: 'Kube context of the cluster that runs Polyaxon', items })).label;
    },
    async (input) => {
      state.namespace = (
        await input.showInputBox({
          prompt: 'Namespace that Polyaxon is installed in',
          value: state.namespace ?? (last && last.context === state.context ? last.namespace : undefined) ?? DEFAULT_NAMESPACE,
          validate: (v) =>
            /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v.trim()) ? undefined : 'A namespace is lower-case letters, digits and dashes.',
        })
      ).trim();
    },
    async (input) => {
      // A missing gateway is an error that names the services found, not an empty list.
      const found = await findGateways(kubectl, state.context!, state.namespace!);
      const gateways = found.map((g) => ({ label: g.name, description: `port ${g.ports.map((p) => p.port).join(', ')}` }));
      state.service = (await input.showQuickPick({ placeholder: 'Polyaxon gateway service', items: gateways })).label;
    },
    async (input) => {
      const suggested = await firstFreePort(state.localPort ?? last?.localPort ?? DEFAULT_LOCAL_PORT);
      const value = await input.showInputBox({
        prompt: `Local port: Polyaxon will answer at http://localhost:<port> (${suggested} is free)`,
        value: String(suggested),
        validate: async (v) => {
          const port = Number(v.trim());
          if (!Number.isInteger(port) || port < 1 || port > 65535) return 'A port is a whole number from 1 to 65535.';
          return (await isPortFree(port)) ? undefined : `Port ${port} is taken by another process.`;
        },
      });
      state.localPort = Number(value.trim());
    },
  ]);
  return completed ? (state as ConnectChoice) : undefined;
}

export function registerPortForwardCommands({ session, log, prompts, inCluster }: PortForwardCommandDeps): vscode.Disposable[] {
  const showFailure = (error: ForwardError) => {
    const actions = error.kind === 'kubectlNotFound' ? ['Install kubectl', 'Open Settings'] : ['Show Log'];
    void vscode.window.showErrorMessage(`Polyaxon: ${error.message}`, ...actions).then((picked) => {
      if (picked === 'Install kubectl') void vscode.env.openExternal(vscode.Uri.parse(INSTALL_URL));
      else if (picked === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'polyaxon.kubectlPath');
      else if (picked === 'Show Log') session.log.show();
    });
  };

  const start = async (choice: ConnectChoice): Promise<ConnectOutcome> => {
    // A running forward would hold the port that the checks below want free.
    await session.supervisor.stop();
    try {
      const target = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Polyaxon: connecting to svc/${choice.service} in ${choice.namespace}…` },
        async () => {
          const prepared = await prepareTarget(session.kubectl(), choice);
          await session.connect(prepared);
          return prepared;
        },
      );
      log.info(
        `port-forward up: localhost:${target.localPort} → svc/${target.service}:${target.servicePort} in ${target.namespace} (${target.context})`,
      );
      return { connected: true, target };
    } catch (e) {
      if (!(e instanceof ForwardError)) throw e;
      session.log.error(e.message);
      showFailure(e);
      return { connected: false, error: { kind: e.kind, message: e.message } };
    }
  };

  /** With every field in `args` (tests, scripts) nothing is asked; else the remembered target is one pick away. */
  const connect = async (args?: Partial<ConnectChoice>): Promise<ConnectOutcome> => {
    if (inCluster) {
      void vscode.window.showInformationMessage(
        'Polyaxon: inside a Polyaxon service the API is reachable directly; no port-forward is needed.',
      );
      return { connected: false };
    }
    if (args?.context && args.namespace && args.service && args.localPort) return start(args as ConnectChoice);
    const last = session.remembered;
    if (last) {
      const again = { label: `$(plug) svc/${last.service} in ${last.namespace} → localhost:${last.localPort}`, description: last.context };
      const other = { label: '$(list-selection) Choose context, namespace and gateway…' };
      const picked = await vscode.window.showQuickPick([again, other], {
        title: 'Polyaxon: Connect to Cluster',
        placeHolder: 'Connect as last time, or choose again',
      });
      if (!picked) return { connected: false };
      if (picked === again) return start(last);
    }
    try {
      const choice = await chooseTarget(session);
      return choice ? start(choice) : { connected: false };
    } catch (e) {
      if (!(e instanceof ForwardError)) throw e;
      showFailure(e);
      return { connected: false, error: { kind: e.kind, message: e.message } };
    }
  };

  /** Restarts a forward that runs or retries at once; else connects as last time. */
  const reconnect = async (): Promise<ConnectOutcome> => {
    const state = session.state;
    if (state.kind === 'off' || (state.kind === 'failed' && state.retryInMs === undefined)) {
      const last = session.remembered;
      return last ? start(last) : connect();
    }
    try {
      await session.supervisor.reconnect();
      return { connected: true, target: state.target };
    } catch (e) {
      if (!(e instanceof ForwardError)) throw e;
      return { connected: false, error: { kind: e.kind, message: e.message } }; // it retries; the status bar shows it
    }
  };

  const actions = async (): Promise<void> => {
    const picked = await vscode.window.showQuickPick(['Reconnect', 'Stop', 'Show Log'], { title: 'Polyaxon Port-Forward' });
    if (picked === 'Reconnect') await reconnect();
    else if (picked === 'Stop') await session.disconnect();
    else if (picked === 'Show Log') session.log.show();
  };

  const commands: CommandTable = {
    'polyaxon.connectCluster': connect,
    'polyaxon.reconnectCluster': reconnect,
    'polyaxon.disconnectCluster': () => session.disconnect(),
    'polyaxon.portForwardActions': actions,
  };
  return registerCommands({ log, prompts }, commands);
}
