import * as vscode from 'vscode';
import type { RunRef } from '../../polyaxon/types';
import { countServices, allRuns } from '../../runs/servicesSnapshot';
import { staticIcon, statusInfo } from '../../polyaxon/statuses';
import { projectMissingText, servicesStatusText } from '../statusBarText';
import { escapeMarkdown } from '../../presentation/markdownText';
import type { ServicesModel } from '../../runs/servicesModel';

/** `$(vm-running) 2 running · 1 starting`: how many services run, start and failed lately; a click opens one. */
export class ServicesStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private summary: string | undefined;

  constructor(
    private readonly view: ServicesModel,
    /** Set inside a Polyaxon service: the indicator then names that service. */
    private readonly currentRun: RunRef | undefined,
  ) {
    this.item = vscode.window.createStatusBarItem('polyaxon.services', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Polyaxon Services';
    this.item.command = 'polyaxon.pickService';
    this.item.accessibilityInformation = undefined;
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
    this.summary = undefined;
    if (!vscode.workspace.getConfiguration('polyaxon').get<boolean>('statusBar.enabled', true)) {
      this.item.hide();
      return;
    }
    const { snapshot, lastError, state } = this.view;
    this.item.backgroundColor = undefined;
    this.item.accessibilityInformation = undefined;
    this.item.command = 'polyaxon.pickService';
    if (this.currentRun) {
      const current = allRuns(snapshot).find((r) => r.uuid === this.currentRun?.uuid);
      const display = current ? statusInfo(current.status) : undefined;
      this.item.text = `$(vm) ${current?.name ?? this.currentRun.uuid.slice(0, 8)}${display ? ` · ${display.label}` : ''}`;
      this.item.tooltip = `You are working inside the Polyaxon service ${this.currentRun.owner}/${this.currentRun.project} ${this.currentRun.uuid}.`;
    } else if (state === 'notConfigured' || state === 'noProject') {
      // Nothing to reach yet: neutral, and a click sets it up.
      this.item.text = '$(cloud) Polyaxon';
      this.item.tooltip =
        state === 'noProject' ? 'Polyaxon: no project selected. Click to select one.' : 'Polyaxon: no server configured. Click to connect.';
      this.item.command = state === 'noProject' ? 'polyaxon.selectProject' : 'polyaxon.configureConnection';
    } else if (state === 'projectMissing' && snapshot) {
      const { text, summary } = projectMissingText(
        snapshot.projects.map((p) => p.ref.project),
        snapshot.host,
      );
      this.item.text = text;
      this.item.tooltip = summary;
      this.item.accessibilityInformation = { label: summary, role: 'button' };
      this.item.command = 'polyaxon.selectProject';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (state === 'invalidHost') {
      // Not the network: a value to fix, where Configure Connection fixes it.
      this.item.text = '$(debug-disconnect) Polyaxon: host is not a URL';
      this.item.tooltip = lastError?.message;
      this.item.command = 'polyaxon.configureConnection';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (lastError && !snapshot) {
      this.item.text = '$(debug-disconnect) Polyaxon: not reachable';
      this.item.tooltip = `Polyaxon is not reachable: ${lastError.message}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (!snapshot) {
      this.item.text = '$(cloud) Polyaxon';
      this.item.tooltip = 'Polyaxon services: open the Polyaxon view or click to load them.';
    } else {
      const runs = allRuns(snapshot);
      const counts = countServices(runs, Date.now());
      const { text, summary } = servicesStatusText(counts);
      this.item.text = lastError ? `${text} · $(debug-disconnect)` : text;
      this.summary = summary;
      const md = new vscode.MarkdownString(undefined, true);
      md.appendMarkdown(`**Polyaxon services** on ${snapshot.host}: ${summary}\n\n`);
      for (const run of runs) {
        md.appendMarkdown(`$(${staticIcon(run.status)}) ${escapeMarkdown(run.name ?? run.uuid)} — ${statusInfo(run.status).label}  \n`);
      }
      if (runs.length === 0) md.appendMarkdown('No services.\n');
      if (lastError) md.appendMarkdown(`\n$(warning) ${escapeMarkdown(lastError.message)}`);
      this.item.tooltip = md;
      // A screen reader reads this, not the tooltip's Markdown (no `**`, no `$(icon)`).
      const trouble = lastError ? `; ${lastError.message}` : '';
      this.item.accessibilityInformation = { label: `Polyaxon services on ${snapshot.host}: ${summary}${trouble}`, role: 'button' };
      if (counts.recentlyFailed > 0) this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    this.item.show();
  }

  /** What the item shows now; read by tests. */
  get text(): string {
    return this.item.text;
  }

  /** What a screen reader says for the item: the tooltip's words, without Markdown; read by tests. */
  get accessibleLabel(): string {
    const tooltip = this.item.tooltip;
    return this.item.accessibilityInformation?.label ?? (typeof tooltip === 'string' ? tooltip : this.item.text);
  }

  /** The tooltip's first line in words ("1 running, 1 starting, 1 failed in the last hour"); read by tests. */
  get tooltipSummary(): string | undefined {
    return this.summary;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
