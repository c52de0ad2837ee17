// polyaxon.requestTimeoutSeconds as the client uses it. settings.json is edited by hand: a text, or a number too
// big for a timer (Node fires setTimeout at once past 2^31-1 ms), would make every request fail at once.

const MIN_TIMEOUT_SECONDS = 1;
/** Ten minutes: longer than any answer Polyaxon takes, well inside what a timer can hold. */
const MAX_TIMEOUT_SECONDS = 600;
const DEFAULT_TIMEOUT_SECONDS = 30;

export function requestTimeoutMs(setting: unknown): number {
  const seconds = typeof setting === 'number' && Number.isFinite(setting) ? setting : DEFAULT_TIMEOUT_SECONDS;
  return Math.min(MAX_TIMEOUT_SECONDS, Math.max(MIN_TIMEOUT_SECONDS, seconds)) * 1000;
}
