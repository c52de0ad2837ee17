// The hub of the views: the services list (last good snapshot, last error, welcome state, filter). Polls only while the tree is
// visible (hidden: the store follows the moving services). Every run read goes into the store. No VS Code API (the fault suite uses it).
import { InvalidHostError } from '../connection/validHost';
import type { EffectiveHostSource } from '../connection/forwardedHost';
import type { PolyaxonClient } from '../polyaxon/client';
import { ACTIVE_SERVICES_QUERY, isDone, isTransitional } from '../polyaxon/statuses';
import type { ProjectRef, Run } from '../polyaxon/types';
import { Emitter } from '../shared/emitter';
import type { ActiveServices } from './activeServices';
import { DEFAULT_TIMING, isAbort, pollDelay, realTimers, type PollTiming, type Timers } from './pollTiming';
import { RunStore, type RunState } from './runStore';
import { WatchSet } from './watchSet';
import type { ServiceFilter } from './serviceList';
import { ServicesReader } from './servicesReader';
import { allRunRefs, withRun, withoutRun, type ServicesSnapshot } from './servicesSnapshot';
import { failureState, isConnectionError, snapshotState, type ServicesState } from './servicesState';

export interface ServicesSource {
  /** Throws InvalidHostError when the host is not a URL. */
  connection(): Promise<{ client: PolyaxonClient; host: string; owner: string; hostSource: EffectiveHostSource }>;
  projectNames(): string[];
  /** Which services to list: the one the user chose last (stored by the wiring), else `active`. */
  filter(): ServiceFilter;
  saveFilter?(filter: ServiceFilter): PromiseLike<void>;
}

export interface ServicesModelOptions {
  store?: RunStore;
  timing?: PollTiming;
  timers?: Timers;
  log?: { warn(message: string): void }; // hears of a change listener's first failure
}

export class ServicesModel implements ActiveServices {
  private current: ServicesSnapshot | undefined;
  private error: Error | undefined;
  private shownState: ServicesState = 'loading';
  private hostSource: EffectiveHostSource | undefined;
  private readonly changed = new Emitter('the services list', { warn: (message) => this.options.log?.warn(message) });
  private waiters: (() => void)[] = [];
  private visible = false;
  private failures = 0;
  private timer: unknown;
  private inFlight: { controller: AbortController; replacement: boolean } | undefined;
  /** A refresh arrived while a replacement fetch ran: fetch once more after it. */
  private followUp = false;
  private disposed = false;
  /** Our own answer is going into the store: its echoes are not changes of the shown list. */
  private ingesting = false;
  private readonly reader = new ServicesReader();
  private reconnectingNow = false;
  /** Store watches of the moving services while the tree is hidden. */
  private readonly moving: WatchSet;
  readonly store: RunStore;
  private readonly ownsStore: boolean;
  private readonly timing: PollTiming;
  private readonly timers: Timers;
  private readonly stopPatching: () => void;

  constructor(
    private readonly source: ServicesSource,
    private readonly options: ServicesModelOptions = {},
  ) {
    this.timing = options.timing ?? DEFAULT_TIMING;
    this.timers = options.timers ?? realTimers;
    this.ownsStore = !options.store;
    this.store = options.store ?? new RunStore(async () => (await source.connection()).client, this.timing, this.timers);
    this.moving = new WatchSet(this.store);
    this.stopPatching = this.store.onDidChange((ref, state) => this.patch(ref.uuid, state));
  }

  get snapshot(): ServicesSnapshot | undefined {
    return this.current;
  }

  get lastError(): Error | undefined {
    return this.error;
  }

  /** `reconnecting` while the managed port-forward restarts and there is no list to show. */
  get state(): ServicesState {
    return this.reconnectingNow && this.error && !this.current ? 'reconnecting' : this.shownState;
  }

  get reconnecting(): boolean {
    return this.reconnectingNow;
  }

  get filter(): ServiceFilter {
    return this.source.filter();
  }

  /** Lists other services from now on: the old list is forgotten. */
  async setFilter(filter: ServiceFilter): Promise<void> {
    await this.source.saveFilter?.(filter);
    this.reset();
    this.changed.fire();
  }

  /** Follows the managed port-forward: "reconnecting…" while it restarts, and a fresh list once it is back. */
  setReconnecting(reconnecting: boolean): void {
    if (reconnecting === this.reconnectingNow) return;
    this.reconnectingNow = reconnecting;
    if (reconnecting) this.changed.fire();
    else this.refreshNow();
  }

  /** Called after every answer, failure or change of a listed run, once the getters above are up to date. */
  readonly onDidChange = this.changed.event;

  /** The delay before the next list fetch, or undefined while the tree is hidden; doubles with each failure in a row. */
  get nextDelay(): number | undefined {
    if (!this.visible) return undefined;
    const moving = allRunRefs(this.current).filter((r) => isTransitional(r.run.status));
    const stuck = moving.length > 0 && moving.every((r) => this.store.isStuck(r.ref));
    return pollDelay(this.timing, { fast: moving.length > 0, stuck, failures: this.failures });
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) this.refreshNow();
    else this.schedule();
  }

  /**
   * Fetch at once (visible: both lists; hidden: the active services, unless they changed). A fetch in flight is
   * aborted and replaced; a replacement never is (fast refreshes would starve the view): one more fetch follows it.
   */
  refreshNow(): void {
    if (this.disposed) return;
    if (this.visible) this.reader.clear();
    this.clearTimer();
    if (this.inFlight?.replacement) {
      this.followUp = true;
      return;
    }
    const replacement = this.inFlight !== undefined;
    this.inFlight?.controller.abort();
    void this.run(replacement);
  }

  /** Refreshes and resolves once an answer (or failure) of a fetch started now has arrived. Never rejects. */
  refresh(): Promise<void> {
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.reader.clear(); // the user asked: everything afresh
    this.refreshNow();
    return done;
  }

  /** The question changed (host, token, project, filter): forget the old list, its runs and what is in flight. */
  reset(): void {
    this.current = undefined;
    this.reader.clear();
    this.followUp = false;
    this.store.reset();
    this.inFlight?.controller.abort();
    this.inFlight = undefined;
    this.refreshNow();
  }

  /** Active services of a project: the list's when it is less than a fast interval old, else one request. */
  async active(project: ProjectRef, signal?: AbortSignal): Promise<Run[]> {
    const listed = this.current?.projects.find((p) => p.ref.owner === project.owner && p.ref.project === project.project);
    const fresh = listed && !listed.error && this.timers.now() - (this.current?.fetchedAt ?? 0) < this.timing.fastMs;
    if (fresh && this.filter !== 'running') return listed.runs.filter((r) => !isDone(r.status));
    const { client } = await this.source.connection();
    const page = await client.listRuns(project, { query: ACTIVE_SERVICES_QUERY, sort: '-created_at', limit: 50 }, signal);
    this.store.ingest(project, page.results);
    return page.results;
  }

  /** Never rejects: every path delivers and schedules the next fetch. */
  private async run(replacement: boolean): Promise<void> {
    const mine = { controller: new AbortController(), replacement };
    this.inFlight = mine;
    let error: unknown;
    let snapshot: ServicesSnapshot | undefined;
    try {
      snapshot = await this.fetch(mine.controller.signal);
    } catch (e) {
      error = e;
    }
    if (this.inFlight !== mine) return; // aborted and replaced: the replacement delivers
    this.inFlight = undefined;
    if (this.disposed) return;
    if (snapshot) this.onResult(snapshot);
    else if (!isAbort(error, mine.controller.signal)) this.onError(error);
    if (this.followUp) {
      this.followUp = false;
      void this.run(false);
      return;
    }
    this.schedule();
  }

  private async fetch(signal: AbortSignal): Promise<ServicesSnapshot> {
    const conn = await this.source.connection();
    this.hostSource = conn.hostSource;
    const askedAt = this.timers.now();
    return this.reader.read(conn, this.source.projectNames(), this.filter, signal, {
      ingest: (ref, runs) => {
        this.ingesting = true; // the store calls no listener that can throw
        this.store.ingest(ref, runs, this.timers.now() - askedAt);
        this.ingesting = false;
      },
      isDeleted: (ref) => this.store.get(ref)?.deleted === true,
      shown: this.current !== undefined,
      now: () => this.timers.now(),
    });
  }

  private onResult(snapshot: ServicesSnapshot): void {
    this.current = snapshot;
    this.error = undefined;
    this.failures = 0;
    this.shownState = snapshotState(snapshot);
    this.settle();
  }

  /** Synchronous: nothing here may fail, or the view would stay in "loading". */
  private onError(error: unknown): void {
    this.failures++;
    this.error = error instanceof Error ? error : new Error(String(error));
    if (error instanceof InvalidHostError) {
      // Not a network hiccup: the list of another host must not stay on show.
      this.current = undefined;
      this.shownState = 'invalidHost';
    } else if (!this.current) {
      this.shownState = failureState(error, this.hostSource);
    }
    // With a snapshot, the last good list stays and the view says what went wrong above it.
    this.settle();
  }

  /** A listed run changed in the store (a tab, the follower or a watch read it): its row; an old connection error goes. */
  private patch(uuid: string, state: RunState): void {
    if (!this.current || this.ingesting) return;
    // A deleted run goes at once, and no cached list of finished services brings it back.
    if (state.deleted) this.reader.forget(uuid);
    // Listed, even unchanged: the store may have read the reason of its status.
    const next = state.deleted ? withoutRun(this.current, uuid) : state.run && withRun(this.current, uuid, state.run);
    if (!next) return;
    this.current = next;
    this.shownState = snapshotState(next);
    this.changed.fire(); // not an answer to a refresh: its waiters keep waiting
    if (isConnectionError(this.error)) this.refreshNow();
    else if (!this.visible) this.schedule();
  }

  private schedule(): void {
    this.clearTimer();
    if (this.disposed) return;
    this.watchMoving();
    const delay = this.nextDelay;
    if (delay === undefined) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      // A timed fetch keeps the finished lists unless the set of active services changed.
      if (!this.inFlight) void this.run(false);
    }, delay);
  }

  /** While hidden, the store follows the services that move (one request each per interval); nothing else polls. */
  private watchMoving(): void {
    this.moving.follow(
      this.visible
        ? []
        : allRunRefs(this.current)
            .filter((r) => isTransitional(r.run.status))
            .map((r) => r.ref),
    );
  }

  private clearTimer(): void {
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    try {
      this.changed.fire();
    } finally {
      waiters.forEach((w) => w());
    }
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.inFlight?.controller.abort();
    this.moving.follow([]);
    this.stopPatching();
    if (this.ownsStore) this.store.dispose();
    this.waiters.forEach((w) => w());
    this.waiters = [];
  }
}
