import type { Timers } from '../runs/pollTiming';

// A laptop that sleeps freezes timers: a tick due in 5 s arrives minutes late. That gap is the only portable sign
// of a wake-up (Node has no suspend event), and after one a forward is often dead although its process lives on.

const TICK_MS = 5_000;
/** Lateness beyond which a late tick counts as a sleep rather than a busy event loop. */
const WAKE_GAP_MS = 15_000;

/** Calls `onTick` every TICK_MS, and `onWake(gapMs)` instead when the tick arrived far later than due. */
export class WakeDetector {
  private timer: unknown;
  private last = 0;

  constructor(
    private readonly timers: Timers,
    private readonly onTick: () => void,
    private readonly onWake: (gapMs: number) => void,
  ) {}

  start(): void {
    if (this.timer !== undefined) return;
    this.last = this.timers.now();
    this.schedule();
  }

  private schedule(): void {
    this.timer = this.timers.setTimeout(() => {
      const now = this.timers.now();
      const gap = now - this.last;
      this.last = now;
      this.schedule();
      if (gap - TICK_MS > WAKE_GAP_MS) this.onWake(gap);
      else this.onTick();
    }, TICK_MS);
  }

  stop(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
