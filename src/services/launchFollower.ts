// Follows a freshly created service until it runs, ends, gets stuck or takes too long. No VS Code API:
// time and the status source are injected so that tests drive it with a fake clock.
import type { RunStatus, RunStatuses, StatusCondition } from '../polyaxon/types';
import { isDone, isRunning } from '../polyaxon/statuses';

/** How a follow ended. `warning`/`unschedulable` mean "still in that status after the grace period". */
export type LaunchOutcomeKind = 'running' | 'failed' | 'stopped' | 'unschedulable' | 'warning' | 'timeout' | 'cancelled';

export interface LaunchOutcome {
  kind: LaunchOutcomeKind;
  /** The last status seen (undefined if none was ever read). */
  status: RunStatus | string | undefined;
  /** The condition Polyaxon wrote for that status: its reason and message explain a failure. */
  condition: StatusCondition | undefined;
}

export interface StatusChange {
  status: RunStatus | string;
  condition: StatusCondition | undefined;
}

export interface FollowOptions {
  getStatuses(signal: AbortSignal): Promise<RunStatuses>;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
  signal: AbortSignal;
  onChange?(change: StatusChange): void;
  intervalMs?: number;
  timeoutMs?: number;
  /**
   * `warning`/`unschedulable` can clear by themselves (an image pull retried, a node added by the autoscaler),
   * so they only end the follow once they have lasted this long.
   */
  warningGraceMs?: number;
  /** Consecutive failed polls tolerated (a port-forward hiccup) before the error is thrown. */
  maxPollErrors?: number;
}

export const FOLLOW_DEFAULTS = { intervalMs: 1500, timeoutMs: 10 * 60_000, warningGraceMs: 10_000, maxPollErrors: 3 } as const;

/** Polls the run's statuses and reports each change until an outcome is reached; never throws on cancel. */
export async function followLaunch(opts: FollowOptions): Promise<LaunchOutcome> {
  const intervalMs = opts.intervalMs ?? FOLLOW_DEFAULTS.intervalMs;
  const timeoutMs = opts.timeoutMs ?? FOLLOW_DEFAULTS.timeoutMs;
  const graceMs = opts.warningGraceMs ?? FOLLOW_DEFAULTS.warningGraceMs;
  const maxErrors = opts.maxPollErrors ?? FOLLOW_DEFAULTS.maxPollErrors;
  const deadline = opts.now() + timeoutMs;
  let last: StatusChange | undefined;
  let warningSince: number | undefined;
  let errors = 0;
  const outcome = (kind: LaunchOutcomeKind): LaunchOutcome => ({ kind, status: last?.status, condition: last?.condition });

  for (;;) {
    if (opts.signal.aborted) return outcome('cancelled');
    let statuses: RunStatuses | undefined;
    try {
      statuses = await opts.getStatuses(opts.signal);
      errors = 0;
    } catch (e) {
      if (opts.signal.aborted) return outcome('cancelled');
      if (++errors >= maxErrors) throw e;
    }
    if (statuses?.status) {
      const condition = latestCondition(statuses.status_conditions, statuses.status);
      if (statuses.status !== last?.status) {
        last = { status: statuses.status, condition };
        opts.onChange?.(last);
      } else {
        last = { status: statuses.status, condition: condition ?? last.condition };
      }
      const status = statuses.status;
      if (isRunning(status)) return outcome('running');
      if (isDone(status)) return outcome(status === 'failed' || status === 'upstream_failed' ? 'failed' : 'stopped');
      if (status === 'warning' || status === 'unschedulable') {
        warningSince ??= opts.now();
        if (opts.now() - warningSince >= graceMs) return outcome(status);
      } else {
        warningSince = undefined;
      }
    }
    if (opts.now() >= deadline) return outcome('timeout');
    await opts.sleep(Math.min(intervalMs, Math.max(0, deadline - opts.now())), opts.signal);
  }
}

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

/** A `sleep` for real time that wakes early on abort. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
