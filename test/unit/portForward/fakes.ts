import { EventEmitter } from 'events';
import { PassThrough } from 'stream';
import type { ChildLike } from '../../../src/portForward/childProcess';

export { FakeClock, flush } from '../fakeClock';

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
