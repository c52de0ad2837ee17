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

/** The active services of `kind` in the project, newest first (for `other`: with the polyaxonfile's component name). */
export async function findExistingServices(
  services: ActiveServices,
  project: ProjectRef,
  kind: ServiceKind,
  componentName?: string,
): Promise<Run[]> {
  return sameKindActive(await services.active(project), kind, componentName);
}

const quoted = (run: Run): string => `"${run.name ?? run.uuid}"`;

/** The first step's question, naming every active one (newest first) so that none is a surprise. */
export function existingQuestion(runs: readonly Run[]): string {
  const [newest] = runs;
  if (runs.length === 1) return `${quoted(newest)} is already ${newest.status ?? 'active'} in this project. What now?`;
  const named = runs.map((run) => `${quoted(run)} (${run.status ?? 'active'})`);
  return `${runs.length} are already up in this project: ${listed(named)}. What now?`;
}

/**
 * "Open the running one" only when it runs; a queued or starting one is named by its status. Open and Stop act on
 * the newest (`runs[0]`); with more than one, the details say which and that the others stay.
 */
export function existingChoices(runs: readonly Run[], label: string): ExistingChoice[] {
  const [run, ...others] = runs;
  const name = quoted(run);
  const status = run.status ?? 'active';
  const open = isRunning(run.status) ? 'Open the running one' : `Open the ${status} one`;
  const which = others.length ? `${name}, the newest` : name;
  const keeps = others.length
    ? `${listed(runs.map(quoted))} keep going; another ${label} starts beside them.`
    : `${name} keeps ${isRunning(run.status) ? 'running' : status}; a second ${label} starts beside it.`;
  const othersStay = others.length ? `; ${listed(others.map(quoted))} ${others.length > 1 ? 'keep' : 'keeps'} going` : '';
  return [
    { answer: 'open', label: open, detail: `Launches nothing: opens ${which}${isRunning(run.status) ? '' : ' once it runs'}.` },
    { answer: 'another', label: 'Launch another', detail: keeps },
    {
      answer: 'replace',
      label: 'Stop it and launch',
      detail: `Stops ${which} (files on the shared volume stay${othersStay}), then launches a new ${label}.`,
    },
  ];
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
