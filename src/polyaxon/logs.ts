// Following a run's logs the way the CLI does (core/polyaxon/client/run.py get_run_logs, v1.11.3):
// live pod logs while the run is not done, then the archived log files.
import type { PolyaxonClient } from './client';
import type { RunRef } from './types';
import { isPolyaxonError } from './errors';
import { isDone } from './statuses';
import type { LogLine } from './types';

export interface FollowOptions {
  /** ISO time to start from; default: the first status condition's last_transition_time, else run.created_at. */
  since?: string;
  /** Pause between live polls; the CLI's watch_interval is 5 s. */
  intervalMs?: number;
  signal: AbortSignal;
  onLines(lines: LogLine[]): void;
  /** How many recent lines are remembered to drop repeats; default 20,000. */
  remember?: number;
  /** Pauses `ms`, resolving false when the signal aborts first; real timers unless a test brings its own. */
  wait?: (ms: number, signal: AbortSignal) => Promise<boolean>;
}

const DEFAULT_INTERVAL_MS = 5000;
const DEFAULT_REMEMBERED = 20_000;
/** Between two archived files: a server that keeps naming a new last_file is not asked hundreds of times a second. */
export const ARCHIVE_PAUSE_MS = 100;
/** More archived files than this is a server repeating itself (the archive of a long service holds a few dozen). */
export const MAX_ARCHIVE_FILES = 1_000;

/**
 * The last `capacity` lines seen, to drop repeats without a set that grows with the run's whole history.
 * A line older than every remembered one was shown already (or scrolled out of the document): it is a repeat too.
 */
export class RecentLines {
  private readonly keys = new Set<string>();
  private oldest: string | undefined;

  constructor(private readonly capacity: number) {}

  /** True when the line is new. */
  add(line: LogLine): boolean {
    const key = `${line.timestamp}\u0000${line.pod}\u0000${line.container}\u0000${line.value}`;
    if (this.keys.has(key)) return false;
    if (this.oldest !== undefined && line.timestamp !== '' && line.timestamp < this.oldest) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const [first] = this.keys;
      this.keys.delete(first);
      // ISO timestamps compare as texts; the one of the line just forgotten bounds what counts as old.
      this.oldest = first.slice(0, first.indexOf('\u0000')) || this.oldest;
    }
    return true;
  }

  get size(): number {
    return this.keys.size;
  }
}

export async function followLogs(client: PolyaxonClient, ref: RunRef, opts: FollowOptions): Promise<'done' | 'cancelled'> {
  try {
    await follow(client, ref, opts);
    return opts.signal.aborted ? 'cancelled' : 'done';
  } catch (e) {
    if (opts.signal.aborted || isPolyaxonError(e, 'cancelled')) return 'cancelled';
    throw e;
  }
}

async function follow(client: PolyaxonClient, ref: RunRef, opts: FollowOptions): Promise<void> {
  const { signal } = opts;
  const wait = opts.wait ?? sleep;
  const run = await client.getRun(ref, signal);
  const namespace = run.settings?.namespace || (await client.getNamespace(ref, signal));
  const target = { ...ref, namespace };
  // Live answers overlap at their edges and the archive repeats what was shown live: show each line once.
  const seen = new RecentLines(opts.remember ?? DEFAULT_REMEMBERED);
  const emit = (lines: LogLine[]) => {
    const fresh = lines.filter((line) => seen.add(line));
    if (fresh.length) opts.onLines(fresh);
  };

  let lastTime: string | undefined = opts.since;
  for (;;) {
    const statuses = await client.getStatuses(ref, signal);
    if (isDone(statuses.status)) break;
    // Live mode needs a time before the first line to start from the beginning (API.md, logs semantics).
    lastTime ??= statuses.status_conditions[0]?.last_transition_time ?? run.created_at ?? undefined;
    const logs = await client.getLogs(target, { lastTime }, signal);
    emit(logs.logs);
    // `last_time` comes back null once the k8s operation completed; keep the previous one until done shows.
    lastTime = logs.last_time ?? lastTime;
    if (!(await wait(opts.intervalMs ?? DEFAULT_INTERVAL_MS, signal))) return;
  }

  // Archived mode: one stored file per answer, until `last_file` comes back null (or names a file read already).
  let lastFile: string | undefined;
  const read = new Set<string>();
  for (let files = 0; ; files++) {
    if (files >= MAX_ARCHIVE_FILES) {
      throw new Error(
        `Polyaxon named more than ${MAX_ARCHIVE_FILES} archived log files for run ${ref.uuid.slice(0, 8)}; reading stopped there, as the server seems to repeat itself.`,
      );
    }
    if (files > 0 && !(await wait(ARCHIVE_PAUSE_MS, signal))) return;
    const logs = await client.getLogs(target, { lastFile }, signal);
    emit(logs.logs);
    if (!logs.last_file || read.has(logs.last_file)) return;
    read.add(logs.last_file);
    lastFile = logs.last_file;
  }
}

/** Resolves false when the signal aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort);
  });
}
