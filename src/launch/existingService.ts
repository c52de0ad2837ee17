// "A service of this kind is already up": the wizard's first question, worded after the service's state.
import { isRunning } from '../polyaxon/statuses';
import type { ProjectRef, Run } from '../polyaxon/types';
import type { ServiceKind } from '../polyaxon/serviceKind';
import { sameKindActive, type ActiveServices } from '../runs/activeServices';

export type ExistingAnswer = 'open' | 'another' | 'replace';

export interface ExistingChoice {
  answer: ExistingAnswer;
  label: string;
  detail: string;
}

/** The newest active service of `kind` in the project (for `other`: with the polyaxonfile's component name). */
export async function findExistingService(
  services: ActiveServices,
  project: ProjectRef,
  kind: ServiceKind,
  componentName?: string,
): Promise<Run | undefined> {
  return sameKindActive(await services.active(project), kind, componentName)[0];
}

/** "Open the running one" only when it runs; a queued or starting one is named by its status. */
export function existingChoices(run: Run, label: string): ExistingChoice[] {
  const name = `"${run.name ?? run.uuid}"`;
  const status = run.status ?? 'active';
  const open = isRunning(run.status) ? 'Open the running one' : `Open the ${status} one`;
  return [
    { answer: 'open', label: open, detail: `Launches nothing: opens ${name}${isRunning(run.status) ? '' : ' once it runs'}.` },
    {
      answer: 'another',
      label: 'Launch another',
      detail: `${name} keeps ${isRunning(run.status) ? 'running' : status}; a second ${label} starts beside it.`,
    },
    {
      answer: 'replace',
      label: 'Stop it and launch',
      detail: `Stops ${name} (files on the shared volume stay), then launches a new ${label}.`,
    },
  ];
}
