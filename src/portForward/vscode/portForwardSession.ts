import * as vscode from 'vscode';
import type { ConnectionManager } from '../../connection/vscode/connectionManager';
import type { Kubectl } from '../kubectl';
import { PortForwardSupervisor, type ForwardState, type ForwardTarget } from '../supervisor';
import type { Prompts } from '../../workbench/vscode/windowPrompts';
import type { ServicesModel } from '../../runs/servicesModel';

const TARGET_KEY = 'polyaxon.portForward.target';
/** True from Connect until Disconnect: a window closed while forwarding reconnects on the next start (autoStart). */
const ACTIVE_KEY = 'polyaxon.portForward.active';

export interface PortForwardSessionDeps {
  workspaceState: vscode.Memento;
  connections: ConnectionManager;
  services: ServicesModel;
  prompts: Prompts;
}

/** The one managed forward of this window: remembers its target per workspace and tells the rest of the UI. */
export class PortForwardSession implements vscode.Disposable {
  readonly log = vscode.window.createOutputChannel('Polyaxon Port-Forward', { log: true });
  readonly supervisor: PortForwardSupervisor;
  private readonly changed = new vscode.EventEmitter<ForwardState>();
  readonly onDidChange = this.changed.event;
  private previous: ForwardState = { kind: 'off' };

  constructor(private readonly deps: PortForwardSessionDeps) {
    this.supervisor = new PortForwardSupervisor({
      kubectl: () => this.kubectl(),
      log: { trace: (m) => this.log.trace(m), info: (m) => this.log.info(m), warn: (m) => this.log.warn(m) },
    });
    this.supervisor.onDidChange((state) => this.follow(state));
  }

  get state(): ForwardState {
    return this.supervisor.state;
  }

  /** polyaxon.kubectlPath, else `kubectl` on the PATH; the environment passes on $KUBECONFIG and auth plugins. */
  kubectl(): Kubectl {
    const configured = vscode.workspace.getConfiguration('polyaxon').get<string>('kubectlPath')?.trim();
    return { command: configured || 'kubectl', env: process.env };
  }

  get remembered(): ForwardTarget | undefined {
    return this.deps.workspaceState.get<ForwardTarget>(TARGET_KEY);
  }

  async connect(target: ForwardTarget): Promise<void> {
    await this.deps.workspaceState.update(TARGET_KEY, target);
    await this.deps.workspaceState.update(ACTIVE_KEY, true);
    await this.supervisor.start(target);
  }

  async disconnect(): Promise<void> {
    await this.deps.workspaceState.update(ACTIVE_KEY, false);
    await this.supervisor.stop();
  }

  /** At start-up: reconnects when the last session of this workspace ended with a forward running. True if it did. */
  autoStart(): boolean {
    const target = this.remembered;
    const wanted = vscode.workspace.getConfiguration('polyaxon').get<boolean>('portForward.autoStart', true);
    if (!wanted || !target || !this.deps.workspaceState.get<boolean>(ACTIVE_KEY)) return false;
    this.log.info(`autoStart: reconnecting to svc/${target.service} in ${target.namespace} (${target.context})`);
    // With retryFirst the supervisor keeps trying (the network may come up after VS Code); failures show in the status bar.
    this.supervisor.start(target, { retryFirst: true }).catch((e: Error) => this.log.warn(`autoStart: ${e.message}`));
    return true;
  }

  /** For deactivate(): ends kubectl and waits for it, but keeps the wish to reconnect next time. */
  shutdown(): Promise<void> {
    return this.supervisor.stop();
  }

  private follow(state: ForwardState): void {
    const previous = this.previous;
    this.previous = state;
    const retrying = state.kind === 'reconnecting' || (state.kind === 'failed' && state.retryInMs !== undefined);
    // The host switches when the forward is first up, stays through restarts, and goes back once it is ended.
    if (state.kind === 'up') this.deps.connections.setForwardedHost(`http://localhost:${state.target.localPort}`);
    else if (state.kind === 'off' || (state.kind === 'failed' && !retrying)) this.deps.connections.setForwardedHost(undefined);
    this.deps.services.setReconnecting(retrying);
    if (state.kind === 'failed' && retrying && previous.kind !== 'failed') void this.tellKeepsFailing(state.error.message);
    this.changed.fire(state);
  }

  private async tellKeepsFailing(reason: string): Promise<void> {
    const picked = await this.deps.prompts.choose(
      `Polyaxon: the port-forward keeps failing. ${reason} It retries every 30 s at most.`,
      ['Show Log', 'Reconnect Now', 'Disconnect'] as const,
      {
        severity: 'error',
      },
    );
    if (picked === 'Show Log') this.log.show();
    else if (picked === 'Reconnect Now') {
      await this.supervisor.reconnect().catch(() => undefined);
    } // the status bar shows the outcome
    else if (picked === 'Disconnect') await this.disconnect();
  }

  dispose(): void {
    this.supervisor.dispose();
    this.changed.dispose();
    this.log.dispose();
  }
}
