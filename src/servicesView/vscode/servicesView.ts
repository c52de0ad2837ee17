import * as vscode from 'vscode';
import type { ConnectionManager } from '../../connection/vscode/connectionManager';
import type { Refresher } from '../../runs/viewPorts';
import type { RunRef } from '../../polyaxon/types';
import { FILTER_LABELS, type ServiceFilter } from '../../runs/serviceList';
import { ServicesModel } from '../../runs/servicesModel';
import type { RunStore } from '../../runs/runStore';
import { statusReason } from '../serviceRow';
import type { ServicesSnapshot } from '../../runs/servicesSnapshot';
import { setContext, type ViewState } from '../contextKeys';
import { ServicesTreeProvider, type ServicesTreeNode } from './servicesTree';

const FILTER_KEY = 'polyaxon.services.filter';

/** What the wiring gives the view: the settings it reads, and the log. */
export interface ServicesViewSettings {
  /** `polyaxon.projects`, else the selected project. */
  projectNames(): string[];
  log: { warn(message: string): void };
}

/**
 * The Services tree over the services model (runs/servicesModel.ts), which owns the polling; the status bar
 * listens to `onDidChange`. Fetches once at start-up, so the status bar has counts before the view is opened.
 */
export class ServicesView implements Refresher, vscode.Disposable {
  readonly provider: ServicesTreeProvider;
  readonly treeView: vscode.TreeView<ServicesTreeNode>;
  readonly model: ServicesModel;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private shownState: ViewState = 'loading';
  /** The managed port-forward is restarting: failures are expected and said as "reconnecting…", not as errors. */
  private reconnecting = false;

  constructor(
    connections: ConnectionManager,
    private readonly memento: vscode.Memento,
    currentRun: RunRef | undefined,
    store: RunStore,
    settings: ServicesViewSettings,
  ) {
    this.provider = new ServicesTreeProvider(
      currentRun,
      async (ref) => {
        const { client } = await connections.get();
        const statuses = await client.getStatuses(ref);
        const last = statuses.status_conditions.at(-1);
        return last ? [last.reason, last.message].filter(Boolean).join(': ') : undefined;
      },
      (ref, run) => statusReason(run.status, store.get(ref)?.conditions),
    );
    this.treeView = vscode.window.createTreeView('polyaxon.services', { treeDataProvider: this.provider, showCollapseAll: false });
    this.model = new ServicesModel(
      { connection: () => connections.get(), projectNames: () => settings.projectNames(), filter: () => this.filter },
      { store, log: settings.log },
    );
    this.disposables.push(
      { dispose: this.model.onDidChange(() => this.render()) },
      this.treeView,
      this.treeView.onDidChangeVisibility((e) => this.model.setVisible(e.visible)),
      connections.onDidChange(() => {
        this.model.reset();
        this.provider.update(undefined);
      }),
    );
    void setContext('polyaxon.state', 'loading');
    void setContext('polyaxon.loaded', true);
    this.updateTitle();
  }

  /** The first fetch: for the tree if it shows, else once for the status bar (then only moving services are followed). */
  start(): void {
    if (this.treeView.visible) this.model.setVisible(true);
    else this.model.refreshNow();
  }

  /** The projects to list changed (a setting): forget the old list. */
  reset(): void {
    this.model.reset();
  }

  get snapshot(): ServicesSnapshot | undefined {
    return this.model.snapshot;
  }

  get lastError(): Error | undefined {
    return this.model.lastError;
  }

  get state(): ViewState {
    return this.reconnecting && this.model.lastError && !this.model.snapshot ? 'reconnecting' : this.model.state;
  }

  get filter(): ServiceFilter {
    return this.memento.get<ServiceFilter>(FILTER_KEY, 'active');
  }

  async setFilter(filter: ServiceFilter): Promise<void> {
    await this.memento.update(FILTER_KEY, filter);
    this.updateTitle();
    this.model.reset();
  }

  private updateTitle(): void {
    this.treeView.description = this.filter === 'active' ? undefined : FILTER_LABELS[this.filter];
  }

  refreshNow(): void {
    this.model.refreshNow();
  }

  /** Refreshes and resolves once a result (or error) of a fetch started now has arrived. */
  refresh(): Promise<void> {
    return this.model.refresh();
  }

  /** Follows the managed port-forward: "reconnecting…" while it restarts, and a fresh list once it is back. */
  setForwardReconnecting(reconnecting: boolean): void {
    if (reconnecting === this.reconnecting) return;
    this.reconnecting = reconnecting;
    if (reconnecting) this.render();
    else this.refreshNow();
  }

  private render(): void {
    const { snapshot, lastError } = this.model;
    const state = this.state;
    // Keep the last good list, and say what went wrong above it. Without a list a message would hide the
    // welcome view, which explains the state and offers Retry.
    const problem = this.reconnecting ? 'Port-forward reconnecting…' : `⚠ ${lastError?.message}`;
    this.treeView.message = snapshot && (lastError || this.reconnecting) ? problem : undefined;
    if (!lastError || !snapshot) this.provider.update(state === 'ok' ? snapshot : undefined);
    if (state !== this.shownState) {
      this.shownState = state;
      void setContext('polyaxon.state', state);
    }
    this.changed.fire();
  }

  dispose(): void {
    this.model.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
