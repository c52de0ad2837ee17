// A clock for unit tests of timer-driven code (the poller, the port-forward supervisor): time moves only when the
// test says so.
import type { Timers } from '../../src/runs/pollTiming';

export const flush = () => new Promise((r) => setImmediate(r));

/** Timers that move only when the test says: advance() fires what falls due, sleep() jumps like a suspended laptop. */
export class FakeClock implements Timers {
  time = 1_000_000;
  private next = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.time + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  now(): number {
    return this.time;
  }
  /** Delays of the timers pending now, soonest first. */
  get scheduled(): number[] {
    return [...this.pending.values()].map((p) => p.at - this.time).sort((a, b) => a - b);
  }
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      await flush();
      const due = [...this.pending.entries()].filter(([, p]) => p.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].fn();
    }
    this.time = until;
    await flush();
  }
  /** The machine sleeps `ms`: no timer fires meanwhile; overdue ones fire on the next advance(). */
  sleep(ms: number): void {
    this.time += ms;
  }
}
