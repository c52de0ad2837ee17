// What the user sees while a launch waits (status and time spent) and when it ends: the service opened per
// polyaxon.openOnLaunch, or a notice of why it is not running whose actions launchProgress.ts orders.
import { stopService } from '../../runs/stopService';
import * as vscode from 'vscode';
import type { Refresher, ServiceOpener } from '../../runs/viewPorts';
import { latestCondition } from '../../polyaxon/conditions';
import type { Run, RunRef, StatusCondition } from '../../polyaxon/types';
import { runUiUrl } from '../../polyaxon/urls';
import { parsePolyaxonfile } from '../../polyaxonfile/parse';
import type { LaunchOutcome, StatusChange } from '../launchFollower';
import { containerStarted, outcomeNotice, progressMessage, type OutcomeNotice } from '../launchProgress';
import type { Prompts } from '../../workbench/vscode/windowPrompts';
import type { EndedLaunch, OpenOnLaunch } from '../launchPorts';

export interface LaunchOutcomeDeps {
  opener: ServiceOpener;
  refresher: Refresher;
  prompts: Prompts;
  showLogs(ref: RunRef): Promise<void>;
}

export async function showLaunchOutcome(deps: LaunchOutcomeDeps, launch: EndedLaunch, open: OpenOnLaunch | undefined): Promise<void> {
  const { ref, run, runName, label, outcome } = launch;
  if (outcome.kind === 'running') {
    await openService(deps, ref, run, open, label);
  } else if (outcome.kind === 'cancelled') {
    void offerStop(deps, launch, `Stopped watching ${label} "${runName}"; it keeps starting on the cluster.`);
  } else {
    // The notice is up when the command resolves; the user's answer is not waited for.
    void showProblem(deps, launch, await problemNotice(launch));
  }
}

/** Opens a running service as `open` says, or as the polyaxon.openOnLaunch setting says when `open` is undefined. */
export async function openService(
  deps: LaunchOutcomeDeps,
  ref: RunRef,
  run: Run,
  open: OpenOnLaunch | undefined,
  label: string,
): Promise<void> {
  const how = open ?? openSetting();
  // The launch may have run in the background for minutes: the tab shows, the keyboard stays where the user is.
  if (how === 'webview') return deps.opener.openInWebview(ref, run, { preserveFocus: true });
  if (how === 'browser') return deps.opener.openInBrowser(ref, run);
  if (how === 'ask') {
    // Not awaited: the command resolves once the service runs, whether or not the user answers.
    void deps.prompts
      .choose(`${label} "${run.name ?? run.uuid}" is running.`, ['Open in VS Code', 'Open in Browser'] as const)
      .then((answer) => {
        if (answer === 'Open in VS Code') return deps.opener.openInWebview(ref, run);
        if (answer === 'Open in Browser') return deps.opener.openInBrowser(ref, run);
        return undefined;
      });
  }
}

function openSetting(): OpenOnLaunch {
  return vscode.workspace.getConfiguration('polyaxon').get<OpenOnLaunch>('openOnLaunch') ?? 'webview';
}

/** Shows the follow in a progress notification with the time spent, ticking each second; Cancel stops watching. */
export function followWithProgress(
  title: string,
  follow: (onChange: (change: StatusChange) => void, signal: AbortSignal) => Promise<LaunchOutcome>,
): Thenable<LaunchOutcome> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    const started = Date.now();
    let last: StatusChange | undefined;
    const report = () => progress.report({ message: progressMessage(last, Date.now() - started) });
    report();
    const ticker = setInterval(report, 1000);
    return follow((change) => {
      last = change;
      report();
    }, abort.signal).finally(() => clearInterval(ticker));
  });
}

/**
 * Reads the run's status history: whether a container ever ran (so whether Show Logs has anything), and the
 * condition that ended it. The follow may have ended on a list answer, which carries no conditions: a real server
 * fails a run that does not compile within milliseconds, before the follower's own read (recorded
 * run-statuses.unknown-*.failed.json), so the history's condition says why.
 */
async function problemNotice(launch: EndedLaunch): Promise<OutcomeNotice> {
  const history = await launch.conn.client.getStatuses(launch.ref).then(
    (s) => s.status_conditions,
    () => undefined,
  );
  const started = history ? containerStarted(history) : Boolean(launch.run.started_at);
  const outcome = launch.outcome.condition?.message ? launch.outcome : { ...launch.outcome, condition: endingCondition(launch, history) };
  return outcomeNotice(outcome, `${launch.label} "${launch.runName}"`, started);
}

function endingCondition(launch: EndedLaunch, history: readonly StatusCondition[] | undefined): StatusCondition | undefined {
  const status = launch.outcome.status ?? launch.run.status ?? undefined;
  return latestCondition(history, status ?? undefined) ?? launch.outcome.condition;
}

async function showProblem(deps: LaunchOutcomeDeps, launch: EndedLaunch, notice: OutcomeNotice): Promise<void> {
  const { conn, ref } = launch;
  const answer = await deps.prompts.choose(notice.message, notice.actions, { severity: notice.severity });
  if (answer === 'Stop Service') await stopAndSay(deps, launch);
  if (answer === 'Show Logs') await deps.showLogs(ref);
  if (answer === 'Open Polyaxonfile' && launch.file) await openPolyaxonfile(launch.file, notice.fixAt);
  if (answer === 'Open in Polyaxon UI') await vscode.env.openExternal(vscode.Uri.parse(runUiUrl(conn.host, ref)));
}

async function offerStop(deps: LaunchOutcomeDeps, launch: EndedLaunch, message: string): Promise<void> {
  const answer = await deps.prompts.choose(message, ['Stop Service', 'Keep Running'] as const);
  if (answer === 'Stop Service') await stopAndSay(deps, launch);
}

/** The same feedback as Stop in the tree: the request, then the tree and the open tab updated, and "stopping…". */
async function stopAndSay(deps: LaunchOutcomeDeps, launch: EndedLaunch): Promise<void> {
  try {
    await stopService(launch.conn.client, launch.ref, deps);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`Could not stop ${launch.label} "${launch.runName}": ${why}`);
    return;
  }
  void vscode.window.showInformationMessage(`Polyaxon: stopping ${launch.label} "${launch.runName}"…`);
}

/** Opens the polyaxonfile where the compile error is fixed (its run.connections, its params), else at the top. */
async function openPolyaxonfile(file: string, fixAt: readonly string[] = []): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  let at = new vscode.Position(0, 0);
  try {
    const { line, column } = parsePolyaxonfile(doc.getText(), file).locate(fixAt, 'key');
    at = new vscode.Position(line - 1, column - 1);
  } catch {
    // Not readable as YAML any more: open it at the top.
  }
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at) });
}
