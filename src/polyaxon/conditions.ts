import type { StatusCondition } from './types';

/** The condition for `status`, else the newest one: CE lists conditions oldest first, but do not rely on it. */
export function latestCondition(conditions: readonly StatusCondition[] | null | undefined, status?: string): StatusCondition | undefined {
  if (!conditions?.length) return undefined;
  const byTime = [...conditions].sort((a, b) => time(a) - time(b));
  const matching = byTime.filter((c) => c.type === status);
  const pool = matching.length ? matching : byTime;
  return pool[pool.length - 1];
}

function time(c: StatusCondition): number {
  const t = Date.parse(c.last_transition_time ?? c.last_update_time ?? '');
  return Number.isNaN(t) ? 0 : t;
}
