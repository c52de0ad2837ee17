import { isDone } from '../polyaxon/statuses';
import type { Run } from '../polyaxon/types';
import { serviceKindOfRun } from '../polyaxon/serviceKind';
import { statusDisplay } from './statusDisplay';

/**
 * `service+<display group>+stoppable+<kind>(+current)`, e.g. `service+running+stoppable+vscode`: menus in package.json
 * match these tags with regexes (`+running` is the group of the `running` status only).
 */
export function serviceContextValue(run: Run, isCurrent: boolean): string {
  const tags = ['service', statusDisplay(run.status).group];
  if (run.status && !isDone(run.status)) tags.push('stoppable');
  tags.push(serviceKindOfRun(run));
  if (isCurrent) tags.push('current');
  return tags.join('+');
}
