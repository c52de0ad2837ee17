import { isDone } from '../polyaxon/statuses';
import type { Run } from '../polyaxon/types';
import { serviceKindOfRun } from '../polyaxon/serviceKind';
import { statusDisplay } from './statusDisplay';

/**
 * `service+<display group>(+stoppable)(+jupyter)`, e.g. `service+running+stoppable+jupyter`: menus in package.json
 * match these tags with regexes (`+running` is the group of the `running` status only). Only tags a `when` reads.
 */
export function serviceContextValue(run: Run): string {
  const tags = ['service', statusDisplay(run.status).group];
  if (run.status && !isDone(run.status)) tags.push('stoppable');
  if (serviceKindOfRun(run) === 'jupyter') tags.push('jupyter');
  return tags.join('+');
}
