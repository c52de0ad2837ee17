// Show Logs: follows a run's logs into a read-only virtual document, `polyaxon-logs:/owner/project/name-uuid.log`
// (the .log extension gives it VS Code's log colouring).
import * as vscode from 'vscode';
import type { ConnectionProvider } from '../../connection/types';
import { runKey, type RunRef } from '../../polyaxon/types';
import { isPolyaxonError } from '../../polyaxon/errors';
import { followLogs } from '../../polyaxon/logs';
import { noLogsText } from '../noLogs';
import { LogTail } from '../logTail';
import { endOfLogsLine, formatLogLine, logsPath, parseLogsPath } from '../../presentation/runText';

export const LOGS_SCHEME = 'polyaxon-logs';

/** Editors re-read the whole document on each change: batch lines that arrive close together. */
const CHANGE_THROTTLE_MS = 300;

interface Follower {
  readonly uri: vscode.Uri;
  readonly lines: LogTail;
  readonly abort: AbortController;
  /** Still following, or ended normally; false after an error, so that Show Logs tries again. */
  healthy: boolean;
  changeTimer?: NodeJS.Timeout;
}

export class ServiceLogs implements vscode.TextDocumentContentProvider {
  /** One per run, keyed owner/project/uuid. */
  private readonly followers = new Map<string, Follower>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: { connections: ConnectionProvider; log: vscode.LogOutputChannel }) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, this),
      // VS Code releases a closed document late (minutes), so closing its last tab stops it too.
      vscode.workspace.onDidCloseTextDocument((doc) => this.stopIfClosed(doc.uri)),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) if (tab.input instanceof vscode.TabInputText) this.stopIfClosed(tab.input.uri);
      }),
      { dispose: () => [...this.followers.keys()].forEach((k) => this.stop(k)) },
      this.changed,
    );
  }

  async show(ref: RunRef): Promise<void> {
    let follower = this.followers.get(runKey(ref));
    if (!follower?.healthy) {
      if (follower) this.stop(runKey(ref));
      const conn = await this.deps.connections.get();
      const run = await conn.client.getRun(ref);
      follower = this.start(ref, vscode.Uri.from({ scheme: LOGS_SCHEME, path: logsPath(ref, run.name) }));
    }
    const doc = await vscode.workspace.openTextDocument(follower.uri);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const ref = uri.scheme === LOGS_SCHEME ? parseLogsPath(uri.path) : undefined;
    if (!ref) return '';
    // A tab restored after a window reload asks before anyone called show().
    const follower = this.followers.get(runKey(ref)) ?? this.start(ref, uri);
    return follower.lines.text();
  }

  private start(ref: RunRef, uri: vscode.Uri): Follower {
    const follower: Follower = { uri, lines: new LogTail(), abort: new AbortController(), healthy: true };
    this.followers.set(runKey(ref), follower);
    void this.follow(ref, follower);
    return follower;
  }

  private async follow(ref: RunRef, f: Follower): Promise<void> {
    const signal = f.abort.signal;
    try {
      const conn = await this.deps.connections.get();
      this.append(f, [`Following the logs of ${runKey(ref)}…`]);
      // From the run's first line: live pod logs while it runs, then the archive (followLogs picks the start).
      const outcome = await followLogs(conn.client, ref, { signal, onLines: (lines) => this.append(f, lines.map(formatLogLine)) });
      if (outcome === 'done') {
        const run = await conn.client.getRun(ref, signal);
        this.append(f, [endOfLogsLine(run.status ?? 'done')]);
      }
    } catch (e) {
      if (signal.aborted) return;
      if (isPolyaxonError(e, 'notFound') && (await this.explainMissingLogs(ref, f))) return;
      const message = e instanceof Error ? e.message : String(e);
      this.deps.log.error(`Logs of ${runKey(ref)}: ${message}`);
      f.healthy = false;
      this.append(f, [`⚠ The logs stopped: ${message}`, 'Run Show Logs again to retry.']);
    }
  }

  /**
   * A 404 from the log stream does not mean the run is gone: one that failed before its container started has no
   * logs at all. Says why when the run is there; false when it really is missing.
   */
  private async explainMissingLogs(ref: RunRef, f: Follower): Promise<boolean> {
    try {
      const conn = await this.deps.connections.get();
      const signal = f.abort.signal;
      const [run, statuses] = await Promise.all([conn.client.getRun(ref, signal), conn.client.getStatuses(ref, signal)]);
      this.append(f, [noLogsText(run, statuses.status_conditions)]);
      return true;
    } catch {
      return false; // the run is gone, or the server is: the original error says so
    }
  }

  private append(f: Follower, lines: string[]): void {
    if (lines.length === 0 || f.abort.signal.aborted) return;
    f.lines.push(lines);
    f.changeTimer ??= setTimeout(() => {
      f.changeTimer = undefined;
      this.changed.fire(f.uri);
    }, CHANGE_THROTTLE_MS);
  }

  /** A document is also "closed" when its language mode changes: keep following while a tab shows it. */
  private stopIfClosed(uri: vscode.Uri): void {
    const ref = uri.scheme === LOGS_SCHEME ? parseLogsPath(uri.path) : undefined;
    if (!ref) return;
    const stillShown = vscode.window.tabGroups.all.some((g) =>
      g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()),
    );
    if (!stillShown) this.stop(runKey(ref));
  }

  private stop(runKey: string): void {
    const f = this.followers.get(runKey);
    if (!f) return;
    f.abort.abort();
    clearTimeout(f.changeTimer);
    this.followers.delete(runKey);
  }
}
