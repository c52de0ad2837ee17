// Restart means restart: the old run stops (after a question naming it, while it is active), one copy starts,
// and the tab that showed the old run follows the copy. Polyaxon's own restart leaves the old run as it is.
import { isDone } from '../polyaxon/statuses';
import { serviceKindOfRun } from '../polyaxon/serviceKind';
import type { PolyaxonClient } from '../polyaxon/client';
import type { Run, RunRef } from '../polyaxon/types';
import { KIND_LABEL } from '../presentation/runWording';
import { followRun, stopOrExplain } from './launchRun';
import type { LaunchDeps, OpenOnLaunch } from './launchPorts';
import { restartedRunName } from './runNames';

/** Resolves the new run as the follow left it, or undefined when the user said no. Throws when the stop failed. */
export async function restartService(deps: LaunchDeps, ref: RunRef, open?: OpenOnLaunch): Promise<Run | undefined> {
  const conn = await deps.connections.get();
  // Fresh: a tab or a tree row may show a status that is seconds old.
  const run = await conn.client.getRun(ref);
  const label = KIND_LABEL[serviceKindOfRun(run)];
  const quoted = `"${run.name ?? run.uuid}"`;
  if (!isDone(run.status)) {
    const question = `Restart ${label} ${quoted} in ${ref.project}? It is ${run.status ?? 'active'}: it will be stopped first.`;
    const ok = await deps.ui.prompts.confirm(question, {
      action: 'Stop and Restart',
      detail: 'A new copy of it is launched once the stop is accepted. Files on the shared volume stay.',
    });
    if (!ok) return undefined;
    await stopOrExplain(deps, conn, ref, run);
  }
  const name = await copyName(deps, conn.client, ref, run);
  const created = await conn.client.restartRun(ref, name === undefined ? undefined : { name });
  deps.log.info(`Restarted ${run.name ?? ''} (${run.uuid}) as ${created.name ?? ''} (${created.uuid}) in ${ref.owner}/${ref.project}.`);
  deps.refresher.refreshNow();
  const copy = { ...ref, uuid: created.uuid };
  if (deps.ui.isOpenInTab(ref)) await deps.ui.retargetTab(ref, copy, created);
  return followRun(deps, conn, copy, created, label, open);
}

/**
 * The copy's own name (Polyaxon's restart takes `name`; without it the copy keeps the original's): the next free
 * `vscode-<user>-<n>` for the two known kinds, as a launch names them. Other services keep theirs: it is how they
 * are told apart (runs/activeServices.ts).
 */
async function copyName(deps: LaunchDeps, client: PolyaxonClient, ref: RunRef, run: Run): Promise<string | undefined> {
  if (!run.name || serviceKindOfRun(run) === 'other') return undefined;
  try {
    return await restartedRunName(client, ref, run.name);
  } catch (e) {
    deps.log.warn(`Could not list the run names of ${ref.project}; the copy keeps the name ${run.name}: ${String(e)}`);
    return undefined;
  }
}
