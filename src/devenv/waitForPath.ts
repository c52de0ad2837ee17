import { promises as fs } from 'fs';

/** Resolves true once `file` exists, false on timeout or when `signal` aborts. Polls: it may be outside the workspace. */
export async function waitForPath(file: string, options: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal }): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  while (!options.signal?.aborted) {
    if (await exists(file)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
  }
  // One last look: the terminal may have been closed right after the clone finished.
  return exists(file);
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}
