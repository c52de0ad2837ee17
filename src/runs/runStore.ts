// One source of run state. Every view of a single run (a service tab, the launch follower, the status bar's
// moving services) watches it here, and the services list feeds what it reads in, so a run is fetched at most once
// per interval however many views show it. No VS Code API: the unit tests drive it with a fake clock.
import { isPolyaxonError } from '../polyaxon/errors';
import { isTransitional } from '../polyaxon/statuses';
import { statusInfo } from '../polyaxon/statuses';
import { runKey, type ProjectRef, type Run, type RunRef, type RunStatuses, type StatusCondition } from '../polyaxon/types';
import { DEFAULT_TIMING, isAbort, pollDelay, realTimers, type PollTiming, type Timers } from './pollTiming';

export interface RunState {
  /** undefined until the first answer. */
  readonly run: Run | undefined;
  /** Polyaxon's conditions as last read (oldest first, as the server lists them); empty when not read. */
  readonly conditions: readonly StatusCondition[];
  readonly deleted: boolean;
  /** The last fetch failed with this; cleared by the next success. */
  readonly error: Error | undefined;
  /** Failed fetches in a row: the delay doubles with each. */
  readonly failures: number;
}

export type RunListener = (state: RunState) => void;

/** What the store needs from the Polyaxon client. */
export interface RunSource {
  getRun(ref: RunRef, signal?: AbortSignal): Promise<Run>;
  getStatuses(ref: RunRef, signal?: AbortSignal): Promise<RunStatuses>;
}

export interface WatchOptions {
  /** Poll fast even in a steady status (the launch follower times `warning` out): still slowed down once stuck. */
  fast?: boolean;
}

/** A list answer is a fetch of each of its runs: a watcher's own fetch then waits this much longer, so the list comes first. */
const AFTER_LIST_SLACK_MS = 500;

class Entry {
  state: RunState = { run: undefined, conditions: [], deleted: false, error: undefined, failures: 0 };
  readonly listeners = new Map<RunListener, WatchOptions>();
  fetchedAt = -Infinity;
  /** When the status or its latest condition last changed: unchanged for stuckAfterMs means stuck. */
  changedAt: number;
  timer: unknown;
  inFlight: AbortController | undefined;
  /** The fetch in flight was asked by refresh() after one of our actions: newer than any list answer. */
  inFlightAsked = false;
  /** The status whose conditions were read (a list answer has none). */
  conditionsOf: string | undefined;
  constructor(
    readonly ref: RunRef,
    now: number,
  ) {
    this.changedAt = now;
  }
}

/** What the launch follower and the service tabs need of the store. */
export interface RunWatcher {
  watch(ref: RunRef, listener: RunListener, options?: WatchOptions): () => void;
  refresh(ref: RunRef): void;
  markDeleted(ref: RunRef): void;
  ingest(project: ProjectRef, runs: readonly Run[], tookMs?: number): void;
  get(ref: RunRef): RunState | undefined;
}

export class RunStore implements RunWatcher {
  private readonly entries = new Map<string, Entry>();
  private readonly changeListeners = new Set<(ref: RunRef, state: RunState) => void>();
  private disposed = false;

  constructor(
    /** The client of the configured host; throws when there is none. */
    private readonly source: () => Promise<RunSource>,
    private readonly timing: PollTiming = DEFAULT_TIMING,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Calls `listener` with every change of the run (now, if known) and polls it while any listener remains. */
  watch(ref: RunRef, listener: RunListener, options: WatchOptions = {}): () => void {
    const entry = this.entry(ref);
    entry.listeners.set(listener, options);
    if (entry.state.run || entry.state.deleted) listener(entry.state);
    if (!entry.inFlight) this.schedule(entry, true);
    const key = runKey(ref);
    return () => {
      // The entry of now: a reset() since watch() replaced it, carrying the listener over.
      const current = this.entries.get(key);
      if (!current?.listeners.delete(listener)) return;
      if (current.listeners.size === 0) this.idle(current);
    };
  }

  /** Every change of any run, watched or listed: the services model patches its rows with them. */
  onDidChange(listener: (ref: RunRef, state: RunState) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  get(ref: RunRef): RunState | undefined {
    return this.entries.get(runKey(ref))?.state;
  }

  /** True when the run is on its way but has not changed for `stuckAfterMs`: it is polled slowly everywhere. */
  isStuck(ref: RunRef): boolean {
    const entry = this.entries.get(runKey(ref));
    return !!entry && this.timers.now() - entry.changedAt >= this.timing.stuckAfterMs;
  }

  /** Polyaxon's conditions of a run (the tree's tooltip): as read for its current status, else read once now. */
  async conditionsOf(ref: RunRef): Promise<readonly StatusCondition[]> {
    const entry = this.entry(ref);
    if (entry.conditionsOf === undefined || entry.conditionsOf !== entry.state.run?.status) await this.readReason(entry);
    return entry.state.conditions;
  }

  /** Fetch now (one of our actions changed the run): a request in flight asked before, so it is aborted. */
  refresh(ref: RunRef): void {
    const entry = this.entry(ref);
    entry.inFlight?.abort();
    entry.inFlight = undefined;
    this.clearTimer(entry);
    void this.fetch(entry, true);
  }

  /**
   * One of our commands deleted the run (the server said 204): every view says so now. v2 deletes softly (the run
   * stays readable for a day), so nothing waits for a 404, and no list read before the delete brings the run back.
   */
  markDeleted(ref: RunRef): void {
    const entry = this.entry(ref);
    entry.inFlight?.abort();
    entry.inFlight = undefined;
    this.clearTimer(entry);
    entry.fetchedAt = this.timers.now();
    this.update(entry, { ...entry.state, deleted: true, error: undefined, failures: 0 });
  }

  /** Runs read from a list (or a create answer) that took `tookMs`: a fetch of each; failures and warnings get their reason once. */
  ingest(project: ProjectRef, runs: readonly Run[], tookMs = 0): void {
    const now = this.timers.now();
    for (const run of runs) {
      const entry = this.entry({ ...project, uuid: run.uuid });
      if (entry.state.deleted) continue; // a deleted run never comes back (the list may predate the delete)
      if (entry.inFlight && entry.inFlightAsked) continue; // asked after one of our actions: newer than the list
      // A timed poll in flight: the list stands for it (kept, the two would stay in step, reading the run twice per interval).
      this.idle(entry);
      const conditions = entry.conditionsOf === run.status ? entry.state.conditions : [];
      this.update(entry, { run, conditions, deleted: false, error: undefined, failures: 0 });
      entry.fetchedAt = now;
      if (entry.listeners.size > 0) this.schedule(entry, false, AFTER_LIST_SLACK_MS + tookMs); // after the next list answer
      if (statusInfo(run.status).explained && entry.conditionsOf !== run.status) void this.readReason(entry);
    }
  }

  /** The host or the token changed: every answer is of the old question. */
  reset(): void {
    for (const entry of this.entries.values()) {
      entry.inFlight?.abort();
      this.clearTimer(entry);
    }
    const watched = [...this.entries.values()].filter((e) => e.listeners.size > 0);
    this.entries.clear();
    for (const old of watched) {
      const entry = this.entry(old.ref);
      old.listeners.forEach((options, listener) => entry.listeners.set(listener, options));
      this.schedule(entry, true);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const entry of this.entries.values()) this.idle(entry);
    this.changeListeners.clear();
  }

  private entry(ref: RunRef): Entry {
    const key = runKey(ref);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = new Entry({ owner: ref.owner, project: ref.project, uuid: ref.uuid }, this.timers.now());
      this.entries.set(key, entry);
    }
    return entry;
  }

  private idle(entry: Entry): void {
    this.clearTimer(entry);
    entry.inFlight?.abort();
    entry.inFlight = undefined;
  }

  private delay(entry: Entry): number {
    const status = entry.state.run?.status;
    const fast = !entry.state.run || isTransitional(status) || [...entry.listeners.values()].some((o) => o.fast);
    const stuck = this.timers.now() - entry.changedAt >= this.timing.stuckAfterMs;
    return pollDelay(this.timing, { fast, stuck, failures: entry.state.failures });
  }

  /** The next fetch of a watched run: due at once when `soon` and the last answer is older than the interval. */
  private schedule(entry: Entry, soon: boolean, slack = 0): void {
    this.clearTimer(entry);
    if (this.disposed || entry.listeners.size === 0 || entry.state.deleted) return;
    const dueAt = entry.fetchedAt + this.delay(entry) + slack;
    const wait = soon && !entry.state.run ? 0 : Math.max(0, dueAt - this.timers.now());
    entry.timer = this.timers.setTimeout(() => {
      entry.timer = undefined;
      void this.fetch(entry);
    }, wait);
  }

  private clearTimer(entry: Entry): void {
    if (entry.timer !== undefined) this.timers.clearTimeout(entry.timer);
    entry.timer = undefined;
  }

  /** Statuses (one request); the run itself only when its status is new. Never rejects. */
  private async fetch(entry: Entry, asked = false): Promise<void> {
    if (this.disposed) return;
    const controller = new AbortController();
    entry.inFlight = controller;
    entry.inFlightAsked = asked;
    const signal = controller.signal;
    let next: RunState;
    try {
      const client = await this.source();
      const statuses = await client.getStatuses(entry.ref, signal);
      const known = entry.state.run;
      const run = known && known.status === statuses.status ? known : await client.getRun(entry.ref, signal);
      next = {
        run: { ...run, status: statuses.status ?? run.status },
        conditions: statuses.status_conditions ?? [],
        deleted: false,
        error: undefined,
        failures: 0,
      };
      entry.conditionsOf = next.run?.status ?? undefined;
    } catch (e) {
      if (entry.inFlight !== controller || isAbort(e, signal)) return;
      const error = e instanceof Error ? e : new Error(String(e));
      next = isPolyaxonError(e, 'notFound')
        ? { ...entry.state, deleted: true, error: undefined, failures: 0 }
        : { ...entry.state, error, failures: entry.state.failures + 1 };
    }
    if (entry.inFlight !== controller) return; // superseded: the newer request delivers
    entry.inFlight = undefined;
    entry.fetchedAt = this.timers.now();
    this.update(entry, next);
    this.schedule(entry, false);
  }

  /** The condition that explains a failure or warning listed by the tree ("Failed · ImagePullBackOff"): read once per status. */
  private async readReason(entry: Entry): Promise<void> {
    const status = entry.state.run?.status ?? undefined;
    entry.conditionsOf = status;
    try {
      const client = await this.source();
      const statuses = await client.getStatuses(entry.ref);
      if (this.disposed || entry.state.run?.status !== statuses.status || entry.inFlight) return;
      this.update(entry, { ...entry.state, conditions: statuses.status_conditions ?? [] });
    } catch {
      entry.conditionsOf = undefined; // try again with the next list answer
    }
  }

  private update(entry: Entry, next: RunState): void {
    const before = entry.state;
    entry.state = next;
    // Conditions read for the first time are news to us, not a change of the run.
    const firstConditions = before.conditions.length === 0 && before.run?.status === next.run?.status;
    if (fingerprint(before) !== fingerprint(next) && !firstConditions) entry.changedAt = this.timers.now();
    if (sameState(before, next)) return;
    // A view that fails on an update must not keep the others (or the store) from theirs.
    for (const listener of [...entry.listeners.keys()]) swallow(() => listener(next));
    for (const listener of [...this.changeListeners]) swallow(() => listener(entry.ref, next));
  }
}

function swallow(fn: () => void): void {
  try {
    fn();
  } catch {
    // reported by the view itself; the store carries on
  }
}

/** What counts as progress: a stuck run keeps the same status and the same latest condition. */
function fingerprint(state: RunState): string {
  const last = state.conditions.at(-1);
  return [state.run?.status, state.deleted, last?.type, last?.reason, last?.message].join('\u0000');
}

function sameState(a: RunState, b: RunState): boolean {
  return (
    fingerprint(a) === fingerprint(b) &&
    a.failures === b.failures &&
    a.conditions.length === b.conditions.length &&
    JSON.stringify(a.run) === JSON.stringify(b.run)
  );
}
