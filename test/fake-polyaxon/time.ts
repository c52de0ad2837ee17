// Timestamps in the three formats the recordings show.

let lastMicros = 0;

/** Microseconds since the epoch, strictly increasing so that sorting by created_at is stable. */
export function nowMicros(): number {
  lastMicros = Math.max(lastMicros + 1, Date.now() * 1000);
  return lastMicros;
}

function isoMicros(micros: number): string {
  const iso = new Date(Math.floor(micros / 1000)).toISOString(); // …T12:18:24.709Z
  return `${iso.slice(0, -1)}${String(micros % 1000).padStart(3, '0')}`;
}

/** Model datetimes (created_at, …): microsecond ISO with `Z`, e.g. 2026-11-27T12:18:24.709623Z. */
export function modelTime(micros = nowMicros()): string {
  return `${isoMicros(micros)}Z`;
}

/** Status conditions written by the server: millisecond ISO with `Z` (run-statuses.*.json). */
export function conditionTime(): string {
  return new Date().toISOString();
}

/** Log items and the streams' last_time: ISO with `+00:00` (core/polyaxon/streams). */
export function logTime(micros = nowMicros()): string {
  return `${isoMicros(micros)}+00:00`;
}

export function parseTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Microseconds of an ISO timestamp, keeping the digits after the millisecond that Date.parse drops. */
export function parseMicros(value: string): number | undefined {
  const ms = parseTime(value);
  if (ms === undefined) return undefined;
  const fraction = /\.(\d+)/.exec(value)?.[1] ?? '';
  return ms * 1000 + Number(fraction.padEnd(6, '0').slice(3, 6));
}

/** Whole seconds between two timestamps, as Polyaxon's wait_time / duration. */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.floor(((parseTime(to) ?? 0) - (parseTime(from) ?? 0)) / 1000));
}
