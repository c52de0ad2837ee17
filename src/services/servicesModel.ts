// The services list as the tree and the status bar show it: the last good snapshot, the last error, and the state
// that picks the welcome text. No VS Code API: the fault suite drives it against the fake server.
import { InvalidHostError } from '../connection/validHost';
import type { EffectiveHostSource } from '../connection/forwardedHost';
import type { PolyaxonClient } from '../polyaxon/client';
import { isPolyaxonError } from '../polyaxon/errors';
import { DEFAULT_TIMING, Poller, type PollerTiming, type Timers } from './poller';
import { fetchServices, type ServiceFilter } from './serviceList';
import { allRuns, anyTransitional, type ServicesSnapshot } from './servicesSnapshot';

/** What the view shows when it has no rows; drives the `viewsWelcome` entries in package.json. */
export type ServicesState = 'loading' | 'notConfigured' | 'invalidHost' | 'noProject' | 'unreachable' | 'unauthorized' | 'empty' | 'ok';

export interface ServicesSource {
  /** Throws InvalidHostError when the host is not a URL. */
  connection(): Promise<{ client: PolyaxonClient; host: string; owner: string; hostSource: EffectiveHostSource }>;
  projectNames(): string[];
  filter(): ServiceFilter;
}

/** Errors that mean "no Polyaxon answered", as opposed to a problem with one project. */
function isConnectionError(e: unknown): boolean {
  return isPolyaxonError(e) && ['unreachable', 'timeout', 'tls', 'notPolyaxon', 'unauthorized', 'forbidden', 'server', 'badResponse'].includes(e.kind);
}

export class ServicesModel {
  snapshot: ServicesSnapshot | undefined;
  lastError: Error | undefined;
  state: ServicesState = 'loading';
  private readonly poller: Poller<ServicesSnapshot>;
  private hostSource: EffectiveHostSource | undefined;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly source: ServicesSource,
    /** Called after every answer or failure, once the fields above are up to date. */
    private readonly onChange: () => void,
    timing: PollerTiming = DEFAULT_TIMING,
    timers?: Timers,
  ) {
    this.poller = new Poller<ServicesSnapshot>({
      fetch: (signal) => this.fetch(signal),
      onResult: (snapshot) => this.onResult(snapshot),
      onError: (error) => this.onError(error),
      isTransitional: anyTransitional,
      fingerprint: (snapshot) => allRuns(snapshot).map((r) => `${r.uuid}:${r.status}`).join(','),
    }, timing, timers);
  }

  /** The delay before the next fetch; it doubles with each failure in a row and resets on success. */
  get nextDelay(): number | undefined {
    return this.poller.nextDelay();
  }

  setVisible(visible: boolean): void {
    this.poller.setVisible(visible);
  }

  refreshNow(): void {
    this.poller.refreshNow();
  }

  /** Refreshes and resolves once an answer (or failure) of a fetch started now has arrived. Never rejects. */
  refresh(): Promise<void> {
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.refreshNow();
    return done;
  }

  /** The question changed (host, token, project, filter): forget the old list and what is in flight. */
  reset(): void {
    this.snapshot = undefined;
    this.poller.restart();
  }

  private async fetch(signal: AbortSignal): Promise<ServicesSnapshot> {
    const conn = await this.source.connection();
    this.hostSource = conn.hostSource;
    const filter = this.source.filter();
    const projects = await Promise.all(
      this.source.projectNames().map(async (project) => {
        const ref = { owner: conn.owner, project };
        try {
          return { ref, runs: await fetchServices(conn.client, ref, filter, signal) };
        } catch (error) {
          if (isConnectionError(error) || signal.aborted) throw error;
          return { ref, runs: [], error: error instanceof Error ? error : new Error(String(error)) };
        }
      }),
    );
    // Every project failed (say, a 404 from a gateway in trouble): keep the last good list, and back off.
    const failed = projects.find((p) => p.error);
    if (this.snapshot && failed && projects.every((p) => p.error)) throw failed.error as Error;
    return { host: conn.host, projects, fetchedAt: Date.now() };
  }

  private onResult(snapshot: ServicesSnapshot): void {
    this.snapshot = snapshot;
    this.lastError = undefined;
    const noRuns = snapshot.projects.every((p) => p.runs.length === 0 && !p.error);
    this.state = snapshot.projects.length === 0 ? 'noProject' : noRuns ? 'empty' : 'ok';
    this.settle();
  }

  /** Synchronous: nothing here may fail, or the view would stay in "loading". */
  private onError(error: unknown): void {
    this.lastError = error instanceof Error ? error : new Error(String(error));
    if (error instanceof InvalidHostError) {
      // Not a network hiccup: the list of another host must not stay on show.
      this.snapshot = undefined;
      this.state = 'invalidHost';
    } else if (!this.snapshot) {
      if (isPolyaxonError(error, 'unauthorized') || isPolyaxonError(error, 'forbidden')) this.state = 'unauthorized';
      else this.state = isPolyaxonError(error, 'unreachable') && this.hostSource === 'default' ? 'notConfigured' : 'unreachable';
    }
    // With a snapshot, the last good list stays and the view says what went wrong above it.
    this.settle();
  }

  private settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    try {
      this.onChange();
    } finally {
      waiters.forEach((w) => w());
    }
  }

  dispose(): void {
    this.poller.dispose();
    this.waiters.forEach((w) => w());
    this.waiters = [];
  }
}
