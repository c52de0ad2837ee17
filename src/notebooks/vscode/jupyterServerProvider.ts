// The "Polyaxon" server collection of the Jupyter extension's kernel picker: running Jupyter services as servers,
// resolved to their gateway URL, plus a command that launches a new one.
import type { JupyterServer, JupyterServerCommand, JupyterServerCommandProvider, JupyterServerProvider } from '@vscode/jupyter-extension';
import * as vscode from 'vscode';
import type { ConnectionManager } from '../../connection/vscode/connectionManager';
import { isPolyaxonError } from '../../polyaxon/errors';
import type { Run } from '../../polyaxon/types';
import { serviceUrl } from '../../polyaxon/urls';
import { isV2 } from '../../polyaxon/version';
import {
  jupyterServerId,
  jupyterServerLabel,
  notAKernelServerMessage,
  parseJupyterServerId,
  runningJupyterServers,
  xsrfHeaders,
  type JupyterServerEntry,
} from '../jupyterServers';
import type { ServicesModel } from '../../runs/servicesModel';

export const LAUNCH_JUPYTER_COMMAND_LABEL = 'Launch a Jupyter Lab service on Polyaxon…';

export interface JupyterServerDeps {
  view: ServicesModel;
  connections: ConnectionManager;
  log: vscode.LogOutputChannel;
  /** The Launch Cluster Jupyter Lab wizard, without opening a tab; the run it ended with, if any. */
  launchJupyter(): Promise<Run | undefined>;
}

/** Aborts when the Jupyter extension cancels (e.g. the picker was closed). */
function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

export class PolyaxonJupyterServers implements JupyterServerProvider, JupyterServerCommandProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeServers = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private listed = '';

  constructor(private readonly deps: JupyterServerDeps) {
    // Fires only when the list itself changes: the Jupyter extension answers a change by asking for the list,
    // which refreshes the view, which must not fire again.
    this.subscription = deps.view.onDidChange(() => this.remember(this.current()));
  }

  private current(): JupyterServerEntry[] {
    return runningJupyterServers(this.deps.view.snapshot);
  }

  private remember(entries: JupyterServerEntry[]): void {
    const key = entries.map((e) => `${e.id}=${e.label}`).join('\n');
    if (key === this.listed) return;
    this.listed = key;
    this.changed.fire();
  }

  async provideJupyterServers(token: vscode.CancellationToken): Promise<JupyterServer[]> {
    // A fresh list: the tree's poller sleeps while the view is hidden, and a stopped service must not be offered.
    await Promise.race([this.deps.view.refresh(), new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()))]);
    if (this.deps.view.lastError) this.deps.log.warn(`Jupyter servers: ${this.deps.view.lastError.message}`);
    const entries = this.current();
    this.listed = entries.map((e) => `${e.id}=${e.label}`).join('\n');
    return entries.map(({ id, label }) => ({ id, label }));
  }

  /** Reads the run again: only a Jupyter service that is running now gets a URL. */
  async resolveJupyterServer(server: JupyterServer, token: vscode.CancellationToken): Promise<JupyterServer> {
    const ref = parseJupyterServerId(server.id);
    if (!ref) throw new Error(`"${server.id}" is not a Polyaxon Jupyter server id (owner/project/uuid).`);
    const conn = await this.deps.connections.get();
    const signal = abortOn(token);
    let run: Run;
    try {
      run = await conn.client.getRun(ref, signal);
    } catch (e) {
      if (isPolyaxonError(e, 'notFound') || isPolyaxonError(e, 'projectNotFound')) {
        this.deps.view.refreshNow();
        throw new Error(`The Polyaxon service "${server.label}" no longer exists in ${ref.project}. Pick another server, or launch one.`);
      }
      throw e;
    }
    const label = jupyterServerLabel(run, ref.project, false);
    const problem = notAKernelServerMessage(run);
    if (problem) {
      this.deps.view.refreshNow();
      throw new Error(problem);
    }
    const installation = await this.deps.connections.installation(signal);
    const baseUrl = serviceUrl(conn.host, ref, run, { v2: isV2(installation) });
    // the Polyaxon token for the gateway, and the pair that Jupyter's XSRF check wants (see xsrfHeaders)
    const headers = { ...(await this.deps.connections.gatewayHeaders(baseUrl)), ...xsrfHeaders() };
    this.deps.log.info(`Jupyter server ${label}: ${baseUrl}${headers.Authorization ? ' (with the Polyaxon token)' : ''}`);
    return { id: server.id, label: server.label, connectionInformation: { baseUrl: vscode.Uri.parse(baseUrl), headers } };
  }

  provideCommands(): JupyterServerCommand[] {
    return [{ label: LAUNCH_JUPYTER_COMMAND_LABEL, description: 'Polyaxon', canBeAutoSelected: false }];
  }

  /** Runs the launch wizard and follows the run; undefined (back to the picker) when cancelled or not running. */
  async handleCommand(command: JupyterServerCommand): Promise<JupyterServer | undefined> {
    if (command.label !== LAUNCH_JUPYTER_COMMAND_LABEL) return undefined;
    const run = await this.deps.launchJupyter();
    if (!run || run.status !== 'running' || !run.project) return undefined;
    const conn = await this.deps.connections.get();
    const ref = { owner: conn.owner, project: run.project, uuid: run.uuid };
    return { id: jupyterServerId(ref), label: jupyterServerLabel(run, ref.project, false) };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
