// When a forward dies it is restarted after 1 s, 2 s, 4 s … at most 30 s. A forward that stayed up a while
// counts as healthy, so its next death starts again at 1 s instead of inheriting an old streak.

const FIRST_RESTART_MS = 1_000;
const MAX_RESTART_MS = 30_000;
/** A forward up at least this long had recovered: its failure streak is forgotten. */
export const STABLE_AFTER_MS = 10_000;
/** The user hears about it only from this many failures in a row. */
export const NOTICE_AFTER_FAILURES = 3;

/** The wait before the next attempt, after `failures` failed or short-lived attempts in a row (1, 2, …). */
export function restartDelay(failures: number): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(MAX_RESTART_MS, FIRST_RESTART_MS * 2 ** Math.min(exponent, 16));
}
