import * as vscode from 'vscode';
import type { Run, RunRef } from '../../polyaxon/types';
import { runImage } from '../../polyaxonfile/compiledRun';
import { runSize, sizeText } from '../../polyaxonfile/resources';
import { FILTER_LABELS } from '../../runs/serviceList';
import type { ServicesModel } from '../../runs/servicesModel';
import { failureKind, invalidHostSource } from '../../runs/servicesState';
import type { RunStore } from '../../runs/runStore';
import { conditionLine } from '../../presentation/runWording';
import { statusReason } from '../serviceRow';
import { setContext } from '../contextKeys';
import { ServicesTreeProvider, type CompiledDetails, type ServicesTreeNode } from './servicesTree';

/**
 * The Services tree: it shows the services model (runs/servicesModel.ts), which owns the list, its polling, the
 * filter and the reconnecting state; the tree's visibility tells the model whether to poll.
 */
export class ServicesView implements vscode.Disposable {
  readonly provider: ServicesTreeProvider;
  readonly treeView: vscode.TreeView<ServicesTreeNode>;
  private readonly disposables: vscode.Disposable[] = [];
  /** The image and size of each run whose tooltip was shown, by uuid. */
  private readonly details = new Map<string, CompiledDetails>();

  constructor(
    private readonly model: ServicesModel,
    store: RunStore,
    currentRun: RunRef | undefined,
    onDidChangeConnection: vscode.Event<void>,
    /** One run as Polyaxon gives it, with its compiled content (for the image, CPUs and memory in the tooltip). */
    getRun: (ref: RunRef) => Promise<Run>,
  ) {
    this.provider = new ServicesTreeProvider(
      currentRun,
      async (ref) => conditionLine((await store.conditionsOf(ref)).at(-1)) || undefined,
      (ref, run) => statusReason(run.status, store.get(ref)?.conditions),
      async (ref) => {
        // A run's compiled content never changes: the store's copy when it has one, else one request per run.
        let details = this.details.get(ref.uuid);
        if (!details) {
          const content = store.get(ref)?.run?.content ?? (await getRun(ref)).content;
          const size = runSize(content);
          details = { image: runImage(content), size: size && sizeText(size) };
          this.details.set(ref.uuid, details);
        }
        return details;
      },
    );
    this.treeView = vscode.window.createTreeView('polyaxon.services', { treeDataProvider: this.provider, showCollapseAll: false });
    this.disposables.push(
      model.onDidChange(() => this.render()),
      this.treeView,
      this.treeView.onDidChangeVisibility((e) => model.setVisible(e.visible)),
      onDidChangeConnection(() => this.provider.update(undefined)),
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

  private updateTitle(): void {
    this.treeView.description = this.model.filter === 'active' ? undefined : FILTER_LABELS[this.model.filter];
  }

  private render(): void {
    const { snapshot, lastError, reconnecting, state } = this.model;
    this.updateTitle();
    // Keep the last good list, and say what went wrong above it. Without a list a message would hide the
    // welcome view, which explains the state and offers Retry.
    const problem = reconnecting ? 'Port-forward reconnecting…' : `⚠ ${lastError?.message}`;
    this.treeView.message = snapshot && (lastError || reconnecting) ? problem : undefined;
    if (!lastError || !snapshot) this.provider.update(state === 'ok' ? snapshot : undefined);
    // setContext sends only a changed value. The welcome's words before its state, so that it shows them at once.
    void setContext('polyaxon.failure', failureKind(lastError));
    const source = invalidHostSource(lastError);
    if (source) void setContext('polyaxon.hostSource', source);
    void setContext('polyaxon.state', state);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
