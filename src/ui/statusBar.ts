import * as vscode from 'vscode';
import type { RunRef } from '../polyaxon/types';
import { countServices, allRuns } from '../services/servicesSnapshot';
import { statusInfo } from '../polyaxon/statuses';
import { escapeMarkdown } from '../presentation/markdownText';
import type { ServicesView } from './servicesView';

/** `$(vm-running) 2 · $(loading~spin) 1`: how many services run and start; a click opens one. */
export class ServicesStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly view: ServicesView,
    /** Set inside a Polyaxon service: the indicator then names that service. */
    private readonly currentRun: RunRef | undefined,
  ) {
    this.item = vscode.window.createStatusBarItem('polyaxon.services', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Polyaxon Services';
    this.item.command = 'polyaxon.pickService';
    this.disposables.push(
      this.item,
      view.onDidChange(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('polyaxon.statusBar.enabled')) this.render();
      }),
    );
    this.render();
  }

  render(): void {
    if (!vscode.workspace.getConfiguration('polyaxon').get<boolean>('statusBar.enabled', true)) {
      this.item.hide();
      return;
    }
    const { snapshot, lastError } = this.view;
    this.item.backgroundColor = undefined;
    if (this.currentRun) {
      const current = allRuns(snapshot).find((r) => r.uuid === this.currentRun?.uuid);
      const display = current ? statusInfo(current.status) : undefined;
      this.item.text = `$(vm) ${current?.name ?? this.currentRun.uuid.slice(0, 8)}${display ? ` · ${display.label}` : ''}`;
      this.item.tooltip = `You are working inside the Polyaxon service ${this.currentRun.owner}/${this.currentRun.project} ${this.currentRun.uuid}.`;
    } else if (lastError && !snapshot) {
      this.item.text = '$(debug-disconnect) Polyaxon';
      this.item.tooltip = `Polyaxon is not reachable: ${lastError.message}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (!snapshot) {
      this.item.text = '$(cloud) Polyaxon';
      this.item.tooltip = 'Polyaxon services: open the Polyaxon view or click to load them.';
    } else {
      const runs = allRuns(snapshot);
      const counts = countServices(runs, Date.now());
      const parts = [`$(vm-running) ${counts.running}`];
      if (counts.starting > 0) parts.push(`$(loading~spin) ${counts.starting}`);
      if (lastError) parts.push('$(debug-disconnect)');
      this.item.text = parts.join(' · ');
      const md = new vscode.MarkdownString(undefined, true);
      md.appendMarkdown(`**Polyaxon services** on ${snapshot.host}\n\n`);
      for (const run of runs) md.appendMarkdown(`$(${statusInfo(run.status).icon.replace('~spin', '')}) ${escapeMarkdown(run.name ?? run.uuid)} — ${statusInfo(run.status).label}  \n`);
      if (runs.length === 0) md.appendMarkdown('No services.\n');
      if (lastError) md.appendMarkdown(`\n$(warning) ${escapeMarkdown(lastError.message)}`);
      this.item.tooltip = md;
      if (counts.recentlyFailed > 0) this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    this.item.show();
  }

  /** What the item shows now; read by tests. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
