/** "5m", "2h 5m", "3d 4h": the two largest units, enough to tell services apart at a glance. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  if (m > 0) return `${m}m`;
  return `${s}s`;
}

/** "up 2h 5m" for a running service, "3m ago" otherwise. */
export function ageText(run: { status?: string | null; started_at?: string | null; created_at?: string | null; finished_at?: string | null }, now: number): string {
  if (run.status === 'running' && run.started_at) return `up ${formatDuration(now - Date.parse(run.started_at))}`;
  const since = run.finished_at ?? run.created_at;
  return since ? `${formatDuration(now - Date.parse(since))} ago` : '';
}
