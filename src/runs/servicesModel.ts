// The services list as the tree and the status bar show it: the last good snapshot, the last error, and the state
// that picks the welcome text. It polls the list only while the tree is visible (fast while a service moves, slowly
// once all are steady or stuck); while hidden, the run store watches only the services that move, so the status
// bar still follows them. Every run it reads goes into the store, so a tab of the same run makes no request of its
// own. No VS Code API: the fault suite and the bench drive it against the fake server.
import { InvalidHostError } from '../connection/validHost';
import type { EffectiveHostSource } from '../connection/forwardedHost';
import type { PolyaxonClient } from '../polyaxon/client';
import { ACTIVE_SERVICES_QUERY, isDone, isTransitional } from '../polyaxon/statuses';
import type { ProjectRef, Run } from '../polyaxon/types';
import type { ActiveServices } from './activeServices';
import { DEFAULT_TIMING, isAbort, pollDelay, realTimers, type PollTiming, type Timers } from './pollTiming';
import { RunStore, type RunState } from './runStore';
import { WatchSet } from './watchSet';
import { listServices, type ServiceFilter } from './serviceList';
import { allRunRefs, type ServicesSnapshot } from './servicesSnapshot';
import { failureState, isConnectionError, snapshotState, type ServicesState } from './servicesState';

export interface ServicesSource {
  /** Throws InvalidHostError when the host is not a URL. */
  connection(): Promise<{ client: PolyaxonClient; host: string; owner: string; hostSource: EffectiveHostSource }>;
  projectNames(): string[];
  filter(): ServiceFilter;
}

export interface ServicesModelOptions {
  store?: RunStore;
  /** Where a change listener's failure is reported (once per listener); the others and the polling carry on. */
  log?: { warn(message: string): void };
  timing?: PollTiming;
  timers?: Timers;
}

export class ServicesModel implements ActiveServices {
  private current: ServicesSnapshot | undefined;
  private error: Error | undefined;
  private shownState: ServicesState = 'loading';
  private hostSource: EffectiveHostSource | undefined;
  private readonly listeners = new Set<() => void>();
  /** Listeners whose failure was logged already: a listener failing on every change is reported once. */
  private readonly failedListeners = new WeakSet<() => void>();
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
  /** The recently finished services per project, re-read only when the set of active ones changes. */
  private finished = new Map<string, { active: string[]; finished: Run[] }>();
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

  get state(): ServicesState {
    return this.shownState;
  }

  /** Called after every answer, failure or change of a listed run, once the getters above are up to date. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

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
   * Fetch at once. While the tree is visible both lists are re-read; while hidden only the active services (what
   * the status bar counts), unless they changed. A fetch in flight was asked before this refresh, so it is aborted and replaced; a
   * replacement is never aborted in turn (refreshes faster than a fetch would otherwise starve the view): it
   * delivers its answer, and one more fetch follows it.
   */
  refreshNow(): void {
    if (this.disposed) return;
    if (this.visible) this.finished.clear();
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
    this.finished.clear(); // the user asked: everything afresh
    this.refreshNow();
    return done;
  }

  /** The question changed (host, token, project, filter): forget the old list, its runs and what is in flight. */
  reset(): void {
    this.current = undefined;
    this.finished.clear();
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
    if (fresh && this.source.filter() !== 'running') return listed.runs.filter((r) => !isDone(r.status));
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
    const filter = this.source.filter();
    const projects = await Promise.all(
      this.source.projectNames().map(async (project) => {
        const ref = { owner: conn.owner, project };
        const key = `${ref.owner}/${project}`;
        try {
          const known = this.finished.get(key);
          const listed = await listServices(conn.client, ref, filter, signal, known);
          this.finished.set(key, { active: listed.active, finished: listed.finished ?? known?.finished ?? [] });
          this.ingesting = true; // the store calls no listener that can throw
          this.store.ingest(ref, listed.runs);
          this.ingesting = false;
          return { ref, runs: listed.runs };
        } catch (error) {
          if (isConnectionError(error) || signal.aborted) throw error;
          return { ref, runs: [], error: error instanceof Error ? error : new Error(String(error)) };
        }
      }),
    );
    // Every project failed (say, a 404 from a gateway in trouble): keep the last good list, and back off.
    const failed = projects.find((p) => p.error);
    if (this.current && failed && projects.every((p) => p.error)) throw failed.error as Error;
    return { host: conn.host, projects, fetchedAt: this.timers.now() };
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

  /** A listed run changed in the store (a tab, the follower or a moving-service watch read it): update its row. */
  private patch(uuid: string, state: RunState): void {
    if (!this.current || !state.run || this.ingesting) return;
    let listed = false;
    const projects = this.current.projects.map((p) => {
      const i = p.runs.findIndex((r) => r.uuid === uuid);
      if (i < 0) return p;
      listed = true;
      return p.runs[i] === state.run ? p : { ...p, runs: p.runs.map((r, j) => (j === i ? (state.run as Run) : r)) };
    });
    // Listed, even unchanged: the store may have read the reason of its status.
    if (!listed) return;
    this.current = { ...this.current, projects };
    this.notify(); // not an answer to a refresh: its waiters keep waiting
    if (!this.visible) this.schedule();
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
      this.notify();
    } finally {
      waiters.forEach((w) => w());
    }
  }

  /** Every listener hears of the change, whatever another one does: a throwing view must not stop the polling. */
  private notify(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (e) {
        if (this.failedListeners.has(listener)) continue;
        this.failedListeners.add(listener);
        this.options.log?.warn(
          `A view of the services list failed on an update; the other views and the polling go on (its next failures are not logged): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      }
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
