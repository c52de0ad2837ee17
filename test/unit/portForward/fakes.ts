import { EventEmitter } from 'events';
import { PassThrough } from 'stream';
import type { Timers } from '../../../src/services/poller';
import type { ChildLike } from '../../../src/portForward/supervisor';

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

let nextPid = 4000;

/** A kubectl process the test drives: it prints what the test writes and exits when told (or killed). */
export class FakeChild extends EventEmitter implements ChildLike {
  readonly pid = nextPid++;
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  readonly signals: string[] = [];

  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    this.signals.push(signal);
    setImmediate(() => this.exit(null, signal));
    return true;
  }
  print(line: string): void {
    this.stdout.write(`${line}\n`);
  }
  fail(line: string): void {
    this.stderr.write(`${line}\n`);
  }
  exit(code: number | null, signal: NodeJS.Signals | null = null): void {
    if (this.exitCode !== null || this.signalCode !== null) return;
    this.exitCode = code;
    this.signalCode = signal;
    this.emit('exit', code, signal);
  }
  get alive(): boolean {
    return this.exitCode === null && this.signalCode === null;
  }
}
