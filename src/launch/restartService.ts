// Restart means restart: the old run stops (after a question naming it, while it is active), one copy starts,
// and the tab that showed the old run follows the copy. Polyaxon's own restart leaves the old run as it is.
import { isDone } from '../polyaxon/statuses';
import { serviceKindOfRun } from '../polyaxon/serviceKind';
import type { Run, RunRef } from '../polyaxon/types';
import { KIND_LABEL } from '../presentation/runWording';
import { followRun, stopOrExplain } from './launchRun';
import type { LaunchDeps, OpenOnLaunch } from './launchPorts';

/** Resolves the new run as the follow left it, or undefined when the user said no. Throws when the stop failed. */
export async function restartService(deps: LaunchDeps, ref: RunRef, open?: OpenOnLaunch): Promise<Run | undefined> {
  const conn = await deps.connections.get();
  // Fresh: a tab or a tree row may show a status that is seconds old.
  const run = await conn.client.getRun(ref);
  const label = KIND_LABEL[serviceKindOfRun(run)];
  const name = `"${run.name ?? run.uuid}"`;
  if (!isDone(run.status)) {
    const question = `Restart ${label} ${name} in ${ref.project}? It is ${run.status ?? 'active'}: it will be stopped first.`;
    const ok = await deps.ui.prompts.confirm(question, {
      action: 'Stop and Restart',
      detail: 'A new copy of it is launched once the stop is accepted. Files on the shared volume stay.',
    });
    if (!ok) return undefined;
    await stopOrExplain(deps, conn, ref, run);
  }
  const created = await conn.client.restartRun(ref);
  deps.log.info(`Restarted ${run.name ?? ''} (${run.uuid}) as ${created.uuid} in ${ref.owner}/${ref.project}.`);
  deps.refresher.refreshNow();
  const copy = { ...ref, uuid: created.uuid };
  if (deps.ui.isOpenInTab(ref)) await deps.ui.retargetTab(ref, copy, created);
  return followRun(deps, conn, copy, created, label, open);
}
