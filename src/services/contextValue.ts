import type { Run } from '../polyaxon/types';
import { serviceKindOfRun } from '../polyaxon/serviceKind';
import { statusInfo } from '../polyaxon/statuses';

/**
 * `service+<display group>+stoppable+<kind>(+current)`, e.g. `service+running+stoppable+vscode`: menus in package.json
 * match these tags with regexes (`+running` is the group of the `running` status only).
 */
export function serviceContextValue(run: Run, isCurrent: boolean): string {
  const status = statusInfo(run.status);
  const tags = ['service', status.group];
  if (run.status && status.stoppable) tags.push('stoppable');
  tags.push(serviceKindOfRun(run));
  if (isCurrent) tags.push('current');
  return tags.join('+');
}
