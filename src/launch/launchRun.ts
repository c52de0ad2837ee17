// The network half of a launch: stop a run the user chose to replace, create the new one, follow it to an outcome.
import { stopService } from '../runs/stopService';
import type { Connection } from '../connection/types';
import { isPolyaxonError } from '../polyaxon/errors';
import { isDone } from '../polyaxon/statuses';
import type { OperationBody, ProjectRef, Run, RunRef } from '../polyaxon/types';
import { createOnce } from './createOnce';
import { followLaunch, type LaunchOutcome, type StatusChange } from './launchFollower';
import { realTimers } from '../runs/pollTiming';
import type { LaunchDeps, OpenOnLaunch } from './launchPorts';

/** Stops `run` unless it is done; a refusal ends the launch with a message that says nothing was launched. */
export async function stopOrExplain(deps: LaunchDeps, conn: Connection, ref: RunRef, run: Run): Promise<void> {
  if (isDone(run.status)) return;
  try {
    await stopService(conn.client, ref, deps);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`Could not stop "${run.name ?? run.uuid}", so nothing was launched: ${why}`, { cause: e });
  }
  deps.log.info(`Stopped ${run.name ?? ''} (${run.uuid}) in ${ref.owner}/${ref.project} to launch its replacement.`);
}

/** Creates the run; when the project vanished since the check, offers to create it and tries once more. */
export async function createRun(
  deps: LaunchDeps,
  conn: Connection,
  ref: ProjectRef,
  body: OperationBody,
  quiet = false,
): Promise<Run | undefined> {
  try {
    return await createOnce(conn.client, ref, body);
  } catch (e) {
    if (quiet || !isPolyaxonError(e, 'projectNotFound')) throw e;
    const message = `Project "${ref.project}" does not exist on ${conn.host}.`;
    const answer = await deps.ui.prompts.choose(message, ['Create Project'] as const, { severity: 'error' });
    if (!answer) return undefined;
    await conn.client.createProject(ref.owner, { name: ref.project });
    deps.refresher.refreshNow();
    return createOnce(conn.client, ref, body);
  }
}

/** Shows each status with Polyaxon's message until an outcome, then acts on it (open, or say why not). */
export async function followRun(
  deps: LaunchDeps,
  conn: Connection,
  ref: RunRef,
  created: Run,
  label: string,
  open: OpenOnLaunch | undefined,
  file?: string,
): Promise<Run> {
  const runName = created.name ?? created.uuid;
  let outcome: LaunchOutcome;
  try {
    outcome = await deps.ui.followProgress(`Launching ${label} "${runName}" in ${ref.project}`, (report, signal) => {
      deps.runs.ingest(ref, [created]);
      return followLaunch({
        watch: (listener) => deps.runs.watch(ref, listener, { fast: true }),
        timers: deps.follow?.timers ?? realTimers,
        timeoutMs: deps.follow?.timeoutMs,
        warningGraceMs: deps.follow?.warningGraceMs,
        signal,
        onChange: (change) => {
          deps.log.info(`${runName}: ${statusText(change)}`);
          report(change);
        },
      });
    });
  } catch (e) {
    // The run exists: say so, and leave it to the Services view.
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`${label} "${runName}" was created, but its status could not be followed: ${why}`);
  }
  deps.refresher.refreshNow();
  const run = await conn.client.getRun(ref).catch(() => ({ ...created, status: outcome.status as Run['status'] }));
  await deps.ui.outcome({ conn, ref, run, runName, label, outcome, file }, open);
  return run;
}

function statusText(change: StatusChange): string {
  const message = change.condition?.message || change.condition?.reason;
  return message ? `${change.status}: ${message}` : change.status;
}
