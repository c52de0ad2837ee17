// Following a run's logs the way the CLI does (core/polyaxon/client/run.py get_run_logs, v1.11.3):
// live pod logs while the run is not done, then the archived log files.
import type { PolyaxonClient, RunRef } from './client';
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
}

const DEFAULT_INTERVAL_MS = 5000;

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
  const run = await client.getRun(ref, signal);
  const namespace = run.settings?.namespace || await client.getNamespace(ref, signal);
  const target = { ...ref, namespace };
  // Live answers overlap at their edges and the archive repeats what was shown live: show each line once.
  const seen = new Set<string>();
  const emit = (lines: LogLine[]) => {
    const fresh = lines.filter((line) => {
      const key = `${line.timestamp}\u0000${line.pod}\u0000${line.container}\u0000${line.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
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
    if (!await sleep(opts.intervalMs ?? DEFAULT_INTERVAL_MS, signal)) return;
  }

  // Archived mode: one stored file per answer, until `last_file` comes back null.
  let lastFile: string | undefined;
  for (;;) {
    const logs = await client.getLogs(target, { lastFile }, signal);
    emit(logs.logs);
    if (!logs.last_file || logs.last_file === lastFile) return;
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
