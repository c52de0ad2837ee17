// Decides when the services list is fetched: fast while something is on its way, slowly while all is steady,
// never while nobody looks and nothing moves, never two fetches at once, and never a stale answer over a newer one.

export interface PollerTiming {
  fastMs: number;
  slowMs: number;
  maxBackoffMs: number;
  /**
   * A service can stay `queued` for hours (no node free, a stuck image pull): after this long without any change,
   * "transitional" no longer means polling fast, nor polling at all while nobody looks.
   */
  stuckAfterMs: number;
}

export const DEFAULT_TIMING: PollerTiming = { fastMs: 2_000, slowMs: 30_000, maxBackoffMs: 120_000, stuckAfterMs: 600_000 };

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  now: () => Date.now(),
};

export interface PollerHooks<T> {
  fetch(signal: AbortSignal): Promise<T>;
  onResult(result: T): void;
  onError(error: unknown): void;
  /** True while some item is transitional: keeps polling fast even when hidden. */
  isTransitional(result: T): boolean;
  /** What counts as a change (e.g. the uuids and statuses); an unchanged transitional result is "stuck" after a while. */
  fingerprint(result: T): string;
}

export class Poller<T> {
  private visible = false;
  private transitional = false;
  private fingerprint: string | undefined;
  private changedAt = 0;
  private failures = 0;
  private timer: unknown;
  private inFlight: AbortController | undefined;
  /** Bumped by every refresh request; a fetch whose generation is behind has been overtaken. */
  private generation = 0;
  private rerun = false;
  private disposed = false;

  constructor(
    private readonly hooks: PollerHooks<T>,
    private readonly timing: PollerTiming = DEFAULT_TIMING,
    private readonly timers: Timers = realTimers,
  ) {}

  get fetching(): boolean {
    return this.inFlight !== undefined;
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) this.refreshNow();
    else if (!this.transitional) this.cancelTimer();
  }

  /** Fetch at once; if a fetch is running, its answer is dropped and a new one follows it. */
  refreshNow(): void {
    if (this.disposed) return;
    this.generation++;
    this.cancelTimer();
    if (this.inFlight) {
      this.rerun = true;
      return;
    }
    void this.run();
  }

  private async run(): Promise<void> {
    const generation = this.generation;
    const controller = new AbortController();
    this.inFlight = controller;
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await this.hooks.fetch(controller.signal) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    this.inFlight = undefined;
    if (this.disposed) return;
    if (this.rerun || generation !== this.generation) {
      this.rerun = false;
      void this.run();
      return;
    }
    if (outcome.ok) {
      this.failures = 0;
      const fingerprint = this.hooks.fingerprint(outcome.value);
      if (fingerprint !== this.fingerprint) {
        this.fingerprint = fingerprint;
        this.changedAt = this.timers.now();
      }
      const stuck = this.timers.now() - this.changedAt >= this.timing.stuckAfterMs;
      this.transitional = this.hooks.isTransitional(outcome.value) && !stuck;
      this.hooks.onResult(outcome.value);
    } else {
      this.failures++;
      this.hooks.onError(outcome.error);
    }
    this.schedule();
  }

  /** The delay before the next fetch, or undefined when nothing should be fetched. */
  nextDelay(): number | undefined {
    if (!this.visible && !this.transitional) return undefined;
    const base = this.transitional ? this.timing.fastMs : this.timing.slowMs;
    return Math.min(base * 2 ** this.failures, this.timing.maxBackoffMs);
  }

  private schedule(): void {
    this.cancelTimer();
    const delay = this.nextDelay();
    if (delay === undefined) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.refreshNow();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.inFlight?.abort();
  }
}
