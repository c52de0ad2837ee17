// Follows a freshly created service until it runs, ends, gets stuck or takes too long. No VS Code API, and no loop
// of its own: it listens to the run store (which polls the run for every view at once) and keeps the time with
// injected timers, so tests drive it with a fake clock.
import { latestCondition } from '../polyaxon/conditions';
import type { RunStatus, StatusCondition } from '../polyaxon/types';
import { statusInfo } from '../polyaxon/statuses';
import type { Timers } from '../runs/pollTiming';
import type { RunListener } from '../runs/runStore';

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
  /** Subscribes to the run (RunStore.watch with `fast`); returns the unsubscribe. */
  watch(listener: RunListener): () => void;
  timers: Timers;
  signal: AbortSignal;
  onChange?(change: StatusChange): void;
  timeoutMs?: number;
  /**
   * `warning`/`unschedulable` can clear by themselves (an image pull retried, a node added by the autoscaler),
   * so they only end the follow once they have lasted this long.
   */
  warningGraceMs?: number;
  /** Consecutive failed polls tolerated (a port-forward hiccup) before the error is thrown. */
  maxPollErrors?: number;
}

export const FOLLOW_DEFAULTS = { timeoutMs: 10 * 60_000, warningGraceMs: 10_000, maxPollErrors: 3 } as const;

/** Reports each status change until an outcome is reached; never throws on cancel. */
export function followLaunch(opts: FollowOptions): Promise<LaunchOutcome> {
  const graceMs = opts.warningGraceMs ?? FOLLOW_DEFAULTS.warningGraceMs;
  const maxErrors = opts.maxPollErrors ?? FOLLOW_DEFAULTS.maxPollErrors;
  return new Promise<LaunchOutcome>((resolve, reject) => {
    let last: StatusChange | undefined;
    let grace: unknown;
    let finished = false;
    const outcome = (kind: LaunchOutcomeKind): LaunchOutcome => ({ kind, status: last?.status, condition: last?.condition });
    const finish = (result: LaunchOutcome | Error): void => {
      if (finished) return;
      finished = true;
      opts.timers.clearTimeout(deadline);
      if (grace !== undefined) opts.timers.clearTimeout(grace);
      opts.signal.removeEventListener('abort', onAbort);
      queueMicrotask(() => unwatch()); // `watch` may call back before it returns
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onAbort = (): void => finish(outcome('cancelled'));
    const deadline = opts.timers.setTimeout(() => finish(outcome('timeout')), opts.timeoutMs ?? FOLLOW_DEFAULTS.timeoutMs);
    opts.signal.addEventListener('abort', onAbort, { once: true });
    const unwatch = opts.watch((state) => {
      if (finished) return;
      if (state.deleted) return finish(new Error('the run was deleted'));
      if (state.error) {
        if (state.failures >= maxErrors) finish(state.error);
        return;
      }
      const status = state.run?.status;
      if (!status) return;
      const condition = latestCondition(state.conditions, status);
      if (status !== last?.status) {
        last = { status, condition };
        opts.onChange?.(last);
      } else {
        last = { status, condition: condition ?? last.condition };
      }
      const info = statusInfo(status);
      if (status === 'running') return finish(outcome('running'));
      if (info.done) return finish(outcome(info.failure ? 'failed' : 'stopped'));
      if (info.failure || info.group === 'warning') {
        grace ??= opts.timers.setTimeout(() => finish(outcome(info.failure ? 'unschedulable' : 'warning')), graceMs);
      } else if (grace !== undefined) {
        opts.timers.clearTimeout(grace);
        grace = undefined;
      }
    });
    if (opts.signal.aborted) onAbort();
  });
}
