// What the user sees when a launch ends: the service opened per polyaxon.openOnLaunch, or a notice of why it is
// not running with Show Logs / Open in Polyaxon UI / Stop Service.
import * as vscode from 'vscode';
import type { Connection } from '../connection/types';
import type { Refresher, ServiceOpener } from './ports';
import type { RunRef } from '../polyaxon/types';
import { isStoppable } from '../polyaxon/statuses';
import type { Run } from '../polyaxon/types';
import { runUiUrl } from '../polyaxon/urls';
import type { LaunchOutcome } from '../services/launchFollower';
import type { Prompts } from './prompts';

export type OpenOnLaunch = 'webview' | 'browser' | 'ask' | 'none';

export interface LaunchOutcomeDeps {
  opener: ServiceOpener;
  refresher: Refresher;
  prompts: Prompts;
  showLogs(ref: RunRef): Promise<void>;
}

/** The launched service, named `runName` in messages, ended its launch with `outcome`. */
export interface EndedLaunch {
  conn: Connection;
  ref: RunRef;
  run: Run;
  runName: string;
  label: string;
  outcome: LaunchOutcome;
}

export async function showLaunchOutcome(deps: LaunchOutcomeDeps, launch: EndedLaunch, open: OpenOnLaunch | undefined): Promise<void> {
  const { conn, ref, run, runName, label, outcome } = launch;
  if (outcome.kind === 'running') {
    await openService(deps, ref, run, open, label);
  } else if (outcome.kind === 'cancelled') {
    void offerStop(deps, conn, ref, `Stopped watching ${label} "${runName}"; it keeps starting on the cluster.`);
  } else {
    void showProblem(deps, conn, ref, outcome, label, runName);
  }
}

/** Opens a running service as `open` says, or as the polyaxon.openOnLaunch setting says when `open` is undefined. */
export async function openService(deps: LaunchOutcomeDeps, ref: RunRef, run: Run, open: OpenOnLaunch | undefined, label: string): Promise<void> {
  const how = open ?? openSetting();
  if (how === 'webview') return deps.opener.openInWebview(ref, run);
  if (how === 'browser') return deps.opener.openInBrowser(ref, run);
  if (how === 'ask') {
    // Not awaited: the command resolves once the service runs, whether or not the user answers.
    void deps.prompts.choose(`${label} "${run.name ?? run.uuid}" is running.`, ['Open in VS Code', 'Open in Browser'] as const).then((answer) => {
      if (answer === 'Open in VS Code') return deps.opener.openInWebview(ref, run);
      if (answer === 'Open in Browser') return deps.opener.openInBrowser(ref, run);
      return undefined;
    });
  }
}

function openSetting(): OpenOnLaunch {
  return vscode.workspace.getConfiguration('polyaxon').get<OpenOnLaunch>('openOnLaunch') ?? 'webview';
}

const OUTCOME_TEXT: Record<Exclude<LaunchOutcome['kind'], 'running' | 'cancelled'>, string> = {
  failed: 'failed',
  stopped: 'ended before it was running',
  unschedulable: 'cannot be scheduled on the cluster (not enough resources, or a node selector no node matches)',
  warning: 'is in trouble (often the image cannot be pulled)',
  timeout: 'is not running after 10 minutes',
};

async function showProblem(deps: LaunchOutcomeDeps, conn: Connection, ref: RunRef, outcome: LaunchOutcome, label: string, runName: string): Promise<void> {
  const kind = outcome.kind as keyof typeof OUTCOME_TEXT;
  const why = [outcome.condition?.reason, outcome.condition?.message].filter(Boolean).join(': ');
  const stoppable = isStoppable(outcome.status);
  const actions = ['Show Logs', 'Open in Polyaxon UI', ...(stoppable ? ['Stop Service'] : [])];
  const answer = await deps.prompts.choose(
    `${label} "${runName}" ${OUTCOME_TEXT[kind]}${kind === 'timeout' ? ` (still ${outcome.status ?? 'unknown'})` : ''}${why ? `. Polyaxon says: ${why}` : '.'}`,
    actions,
    { severity: kind === 'failed' ? 'error' : 'warning' },
  );
  if (answer === 'Show Logs') await deps.showLogs(ref);
  if (answer === 'Open in Polyaxon UI') await vscode.env.openExternal(vscode.Uri.parse(runUiUrl(conn.host, ref)));
  if (answer === 'Stop Service') await stopService(deps, conn, ref);
}

async function offerStop(deps: LaunchOutcomeDeps, conn: Connection, ref: RunRef, message: string): Promise<void> {
  const answer = await deps.prompts.choose(message, ['Stop Service', 'Keep Running'] as const);
  if (answer === 'Stop Service') await stopService(deps, conn, ref);
}

async function stopService(deps: LaunchOutcomeDeps, conn: Connection, ref: RunRef): Promise<void> {
  try {
    await conn.client.stopRun(ref);
  } catch (e) {
    void vscode.window.showErrorMessage(`Could not stop the service: ${e instanceof Error ? e.message : String(e)}`);
  }
  deps.refresher.refreshNow();
}
