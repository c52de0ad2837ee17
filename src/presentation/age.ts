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

/**
 * "up 2h 5m" for a running service, "3m ago" otherwise; "<1m" in the first minute. A row is redrawn when the list is
 * read (every 30 s while steady), so seconds would show stale ("up 2s" 13 s later); minutes stay true.
 */
export function ageText(
  run: { status?: string | null; started_at?: string | null; created_at?: string | null; finished_at?: string | null },
  now: number,
): string {
  const rough = (ms: number) => (ms < 60_000 ? '<1m' : formatDuration(ms));
  const started = time(run.started_at);
  if (run.status === 'running' && started !== undefined) return `up ${rough(now - started)}`;
  const since = time(run.finished_at) ?? time(run.created_at);
  return since !== undefined ? `${rough(now - since)} ago` : '';
}

/**
 * A server time (UTC ISO, "2026-11-27T12:18:24.994Z") in the user's time zone and words ("27 Nov 2026, 20:18:24"
 * in an en-GB locale in Singapore); a value that is no date is given back as it is.
 */
export function localTime(value: string, locale?: string, timeZone?: string): string {
  const t = time(value);
  if (t === undefined) return value;
  return new Date(t).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone });
}

/** A date the server sent, or undefined when it is missing or not a date (no "NaNs ago"). */
function time(value: unknown): number | undefined {
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(t) ? t : undefined;
}
