// The kubectl child process as the supervisor sees it: how it is started, its output read line by line, its end awaited.
import { spawn as nodeSpawn } from 'child_process';
import type * as Readline from 'readline';
import type { Readable } from 'stream';
import type { Timers } from '../runs/pollTiming';

export interface ChildLike {
  readonly pid?: number;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
  once(event: 'error', listener: (error: NodeJS.ErrnoException) => void): this;
}

export type Spawner = (command: string, args: string[], env: NodeJS.ProcessEnv) => ChildLike;

/** How long kubectl gets to exit after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 3_000;

export const spawnKubectl: Spawner = (command, args, env) =>
  nodeSpawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });

export function eachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  // Loaded with the first kubectl rather than at activation (Node's readline costs more than a millisecond to load).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('readline') as typeof Readline).createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    if (line.trim()) onLine(line);
  });
}

export function killAndWait(child: ChildLike, timers: Timers): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = timers.setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    child.once('exit', () => {
      timers.clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
