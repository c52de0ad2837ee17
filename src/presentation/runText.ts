// Plain-text views of a run's logs and status conditions (no vscode: unit-tested).
import type { LogLine, StatusCondition } from '../polyaxon/types';

/** `timestamp container | value`, one line per log item (a value may hold several lines). */
export function formatLogLine(line: LogLine): string {
  const prefix = `${line.timestamp} ${line.container || line.pod || '-'} | `;
  return line.value
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((part) => prefix + part)
    .join('\n');
}

export function endOfLogsLine(status: string): string {
  return `— run is ${status.replace(/_/g, ' ')}, end of logs —`;
}

/** The virtual document's path: readable in the tab title, unique per run. */
export function logsPath(ref: { owner: string; project: string; uuid: string }, name: string | null | undefined): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '_');
  return `/${safe(ref.owner)}/${safe(ref.project)}/${name ? `${safe(name)}-` : ''}${safe(ref.uuid)}.log`;
}

/** Where the logs document of a run came from, read back from its path (to resume it after a window reload). */
export function parseLogsPath(path: string): { owner: string; project: string; uuid: string } | undefined {
  const m = /^\/([^/]+)\/([^/]+)\/(?:.*-)?([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.log$/i.exec(path);
  return m ? { owner: m[1], project: m[2], uuid: m[3] } : undefined;
}

export function conditionTime(c: StatusCondition): string | undefined {
  return c.last_transition_time || c.last_update_time || undefined;
}

/** Newest first. The server lists conditions oldest first, so ties (or missing times) put the later one first. */
export function newestFirst(conditions: readonly StatusCondition[]): StatusCondition[] {
  const time = (c: StatusCondition) => Date.parse(conditionTime(c) ?? '') || 0;
  return conditions
    .map((c, i) => ({ c, i }))
    .sort((a, b) => time(b.c) - time(a.c) || b.i - a.i)
    .map(({ c }) => c);
}
