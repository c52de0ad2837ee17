import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import type { Refresher } from '../connection/types';
import type { RunRef } from '../polyaxon/client';
import { isPolyaxonError } from '../polyaxon/errors';
import { Poller } from '../services/poller';
import { fetchServices, FILTER_LABELS, type ServiceFilter } from '../services/serviceList';
import { allRuns, anyTransitional, type ServicesSnapshot } from '../services/servicesSnapshot';
import { setContext, type ViewState } from './contextKeys';
import { ServicesTreeProvider, type ServicesTreeNode } from './servicesTree';

const FILTER_KEY = 'polyaxon.services.filter';

/** Errors that mean "no Polyaxon answered", as opposed to a problem with one project. */
function isConnectionError(e: unknown): boolean {
  return isPolyaxonError(e) && ['unreachable', 'timeout', 'tls', 'notPolyaxon', 'unauthorized', 'forbidden', 'server', 'badResponse'].includes(e.kind);
}

/** The Services tree, its poller and its state; the status bar listens to `onDidChange`. */
export class ServicesView implements Refresher, vscode.Disposable {
  readonly provider: ServicesTreeProvider;
  readonly treeView: vscode.TreeView<ServicesTreeNode>;
  private readonly poller: Poller<ServicesSnapshot>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  snapshot: ServicesSnapshot | undefined;
  lastError: Error | undefined;
  state: ViewState = 'loading';
  private waiters: (() => void)[] = [];
  /** The managed port-forward is restarting: failures are expected and said as "reconnecting…", not as errors. */
  private reconnecting = false;

  constructor(
    private readonly connections: ConnectionManager,
    private readonly memento: vscode.Memento,
    currentRun: RunRef | undefined,
  ) {
    this.provider = new ServicesTreeProvider(currentRun, async (ref) => {
      const { client } = await connections.get();
      const statuses = await client.getStatuses(ref);
      const last = statuses.status_conditions.at(-1);
      return last ? [last.reason, last.message].filter(Boolean).join(': ') : undefined;
    });
    this.treeView = vscode.window.createTreeView('polyaxon.services', { treeDataProvider: this.provider, showCollapseAll: false });
    this.poller = new Poller<ServicesSnapshot>({
      fetch: (signal) => this.fetch(signal),
      onResult: (snapshot) => this.onResult(snapshot),
      onError: (error) => this.onError(error),
      isTransitional: anyTransitional,
      fingerprint: (snapshot) => allRuns(snapshot).map((r) => `${r.uuid}:${r.status}`).join(','),
    });
    this.disposables.push(
      this.treeView,
      this.treeView.onDidChangeVisibility((e) => this.poller.setVisible(e.visible)),
      connections.onDidChange(() => {
        this.snapshot = undefined;
        this.provider.update(undefined);
        if (this.treeView.visible) this.refreshNow();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('polyaxon.projects')) this.refreshNow();
      }),
    );
    void setContext('polyaxon.state', 'loading');
    void setContext('polyaxon.loaded', true);
    this.updateTitle();
    if (this.treeView.visible) this.poller.setVisible(true);
  }

  get filter(): ServiceFilter {
    return this.memento.get<ServiceFilter>(FILTER_KEY, 'active');
  }

  async setFilter(filter: ServiceFilter): Promise<void> {
    await this.memento.update(FILTER_KEY, filter);
    this.updateTitle();
    this.refreshNow();
  }

  private updateTitle(): void {
    this.treeView.description = this.filter === 'active' ? undefined : FILTER_LABELS[this.filter];
  }

  refreshNow(): void {
    this.poller.refreshNow();
  }

  /** Refreshes and resolves once a result (or error) of a fetch started now has arrived. */
  refresh(): Promise<void> {
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.refreshNow();
    return done;
  }

  /** Follows the managed port-forward: "reconnecting…" while it restarts, and a fresh list once it is back. */
  setForwardReconnecting(reconnecting: boolean): void {
    if (reconnecting === this.reconnecting) return;
    this.reconnecting = reconnecting;
    if (reconnecting) {
      this.showReconnecting();
      this.changed.fire();
    } else {
      this.treeView.message = undefined;
      this.refreshNow();
    }
  }

  private showReconnecting(): void {
    if (this.snapshot) this.treeView.message = 'Port-forward reconnecting…';
    else this.setState('reconnecting');
  }

  private projectNames(): string[] {
    const several = vscode.workspace.getConfiguration('polyaxon').get<string[]>('projects') ?? [];
    const names = several.map((p) => p.trim()).filter(Boolean);
    const current = this.connections.project();
    return names.length > 0 ? [...new Set(names)] : current ? [current] : [];
  }

  private async fetch(signal: AbortSignal): Promise<ServicesSnapshot> {
    const conn = await this.connections.get();
    const names = this.projectNames();
    const projects = await Promise.all(
      names.map(async (project) => {
        const ref = { owner: conn.owner, project };
        try {
          return { ref, runs: await fetchServices(conn.client, ref, this.filter, signal) };
        } catch (error) {
          if (isConnectionError(error)) throw error;
          return { ref, runs: [], error: error as Error };
        }
      }),
    );
    return { host: conn.host, projects, fetchedAt: Date.now() };
  }

  private onResult(snapshot: ServicesSnapshot): void {
    this.snapshot = snapshot;
    this.lastError = undefined;
    this.treeView.message = undefined;
    const noRuns = snapshot.projects.every((p) => p.runs.length === 0 && !p.error);
    this.setState(snapshot.projects.length === 0 ? 'noProject' : noRuns ? 'empty' : 'ok');
    // The welcome views only show on an empty tree, so the tree is emptied for the states they explain.
    this.provider.update(this.state === 'ok' ? snapshot : undefined);
    this.settle();
  }

  private async onError(error: unknown): Promise<void> {
    this.lastError = error instanceof Error ? error : new Error(String(error));
    if (this.reconnecting) {
      this.showReconnecting();
    } else if (this.snapshot) {
      // Keep the last good list, and say what went wrong above it.
      this.treeView.message = `⚠ ${this.lastError.message}`;
    } else {
      // A message would hide the welcome view, which already explains this and offers Retry.
      this.treeView.message = undefined;
      const { hostSource } = await this.connections.describe();
      if (isPolyaxonError(error, 'unauthorized') || isPolyaxonError(error, 'forbidden')) this.setState('unauthorized');
      else this.setState(isPolyaxonError(error, 'unreachable') && hostSource === 'default' ? 'notConfigured' : 'unreachable');
    }
    this.settle();
  }

  private setState(state: ViewState): void {
    if (state === this.state) return;
    this.state = state;
    void setContext('polyaxon.state', state);
  }

  private settle(): void {
    this.changed.fire();
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  dispose(): void {
    this.poller.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
