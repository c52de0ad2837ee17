import { isPolyaxonError } from '../polyaxon/errors';

// The polling rules every view shares (through the run store and the services model): fast while something moves
// by itself, slowly while steady, slowly too once "moving" has not changed for `stuckAfterMs`, and backing off on errors.

export interface PollTiming {
  fastMs: number;
  slowMs: number;
  maxBackoffMs: number;
  /**
   * A service can stay `queued` or `starting` for hours (no node free, a stuck image pull): after this long without
   * any change it is polled slowly, whoever watches it.
   */
  stuckAfterMs: number;
}

export const DEFAULT_TIMING: PollTiming = { fastMs: 2_000, slowMs: 30_000, maxBackoffMs: 120_000, stuckAfterMs: 600_000 };

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  now: () => Date.now(),
};

/** The delay before the next fetch: `fast` unless stuck, doubled per failure in a row, up to maxBackoffMs. */
export function pollDelay(timing: PollTiming, o: { fast: boolean; stuck: boolean; failures: number }): number {
  const base = o.fast && !o.stuck ? timing.fastMs : timing.slowMs;
  return Math.max(base, Math.min(base * 2 ** o.failures, timing.maxBackoffMs));
}

/** An abort of our own (a superseded request, a view closed): not an error to report. */
export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || isPolyaxonError(error, 'cancelled');
}
