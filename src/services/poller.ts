// Decides when the services list is fetched: fast while something is on its way, slowly while all is steady,
// never while nobody looks and nothing moves, never two fetches at once, and never a stale answer over a newer one.
// Every path schedules the next fetch: one bad answer must not stop the view for good.

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
  private inFlight: { controller: AbortController; replacement: boolean } | undefined;
  /** A refresh arrived while a replacement fetch ran: fetch once more after it. */
  private followUp = false;
  private disposed = false;

  constructor(
    private readonly hooks: PollerHooks<T>,
    private readonly timing: PollerTiming = DEFAULT_TIMING,
    private readonly timers: Timers = realTimers,
  ) {}

  get fetching(): boolean {
    return this.inFlight !== undefined;
  }

  /** Failed fetches in a row; the delay doubles with each. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) this.refreshNow();
    else if (!this.transitional) this.cancelTimer();
  }

  /**
   * Fetch at once. A fetch in flight was asked before this refresh, so it is aborted and replaced; a replacement
   * is never aborted in turn (refreshes faster than a fetch would otherwise starve the view): it delivers its
   * answer, and one more fetch follows it.
   */
  refreshNow(): void {
    if (this.disposed) return;
    this.cancelTimer();
    if (this.inFlight?.replacement) {
      this.followUp = true;
      return;
    }
    const replacement = this.inFlight !== undefined;
    this.inFlight?.controller.abort();
    void this.run(replacement);
  }

  /** The question changed: whatever is in flight answers the old one, so it is aborted and dropped, replacement or not. */
  restart(): void {
    if (this.disposed) return;
    this.cancelTimer();
    this.followUp = false;
    const replacement = this.inFlight !== undefined;
    this.inFlight?.controller.abort();
    void this.run(replacement);
  }

  /** Never rejects: every path delivers to a hook and schedules the next fetch. */
  private async run(replacement: boolean): Promise<void> {
    const mine = { controller: new AbortController(), replacement };
    this.inFlight = mine;
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await this.hooks.fetch(mine.controller.signal) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    // Aborted and replaced: the replacement delivers and schedules.
    if (this.inFlight !== mine) return;
    this.inFlight = undefined;
    if (this.disposed) return;
    if (outcome.ok) outcome = this.deliver(outcome.value);
    if (!outcome.ok) this.fail(outcome.error);
    if (this.followUp) {
      this.followUp = false;
      void this.run(false);
      return;
    }
    this.schedule();
  }

  /** A hook that throws on a result (say, a malformed answer) counts as a failed fetch. */
  private deliver(value: T): { ok: true; value: T } | { ok: false; error: unknown } {
    try {
      const fingerprint = this.hooks.fingerprint(value);
      if (fingerprint !== this.fingerprint) {
        this.fingerprint = fingerprint;
        this.changedAt = this.timers.now();
      }
      const stuck = this.timers.now() - this.changedAt >= this.timing.stuckAfterMs;
      this.transitional = this.hooks.isTransitional(value) && !stuck;
      this.hooks.onResult(value);
      this.failures = 0;
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private fail(error: unknown): void {
    this.failures++;
    try {
      this.hooks.onError(error);
    } catch {
      // The error hook is the last place to report to; the next fetch is scheduled all the same.
    }
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
    this.inFlight?.controller.abort();
  }
}
