import * as fs from 'fs';
import * as path from 'path';

/**
 * The team's reference material (`../shared/polyaxon` beside the repository: recordings of a real Polyaxon CE
 * 1.11.3, its swagger, the AISG files). A user's clone has none of it; tests that read it skip, saying so.
 */
export const SHARED_POLYAXON = path.resolve(__dirname, '../../../../shared/polyaxon');

/** Skips the current test (or suite, from a hook), saying why, when one of `files` under SHARED_POLYAXON is missing. */
export function requireShared(ctx: Mocha.Context, ...files: string[]): void {
  const missing = files.map((f) => path.join(SHARED_POLYAXON, f)).find((f) => !fs.existsSync(f));
  if (missing) {
    console.log(`      skipped: ${missing} is not available`);
    ctx.skip();
  }
}
