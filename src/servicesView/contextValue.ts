import type { Run } from '../polyaxon/types';
import { serviceKindOfRun } from '../polyaxon/serviceKind';
import { statusInfo } from '../polyaxon/statuses';

/**
 * `service+<display group>(+stoppable)(+jupyter)`, e.g. `service+running+stoppable+jupyter`: menus in package.json
 * match these tags with regexes (`+running` is the group of the `running` status only). Only tags a `when` reads.
 */
export function serviceContextValue(run: Run): string {
  const status = statusInfo(run.status);
  const tags = ['service', status.group];
  if (run.status && status.stoppable) tags.push('stoppable');
  if (serviceKindOfRun(run) === 'jupyter') tags.push('jupyter');
  return tags.join('+');
}
