// Runs UI steps in order, as the UI runners print them: `ok`/`FAIL` with the time, a screenshot of each step (and of a
// failure) under `results`, and Playwright's call log of a failure (which locator). Each step gets the workbench calm.
import fs from 'node:fs';
import path from 'node:path';
import { forwardConsole, launchBrowser } from './browser.mjs';
import { createState, startCodeServer } from './code-server.mjs';
import { killAllGroups, onInterrupt } from './processes.mjs';
import { calmWorkbench, screenshot } from './workbench.mjs';

/** Returns { passed, failed }; `onPass(step, shot)` sees each passing step's screenshot; a first step that fails ends the run. */
export async function runSteps(page, steps, ctx, { results, onPass = () => {} }) {
  let passed = 0;
  let failed = 0;
  for (const [i, step] of steps.entries()) {
    const shot = path.join(results, `${String(i + 1).padStart(2, '0')}-${step.name.replace(/\W+/g, '-').toLowerCase()}.png`);
    const t0 = Date.now();
    try {
      if (i > 0) await calmWorkbench(page); // whatever an earlier step left open (menu, dialog, quick input)
      await step.run(ctx);
      await screenshot(page, shot);
      passed++;
      console.log(`ok   ${step.name} (${Date.now() - t0} ms)`);
      onPass(step, shot);
    } catch (e) {
      failed++;
      await screenshot(page, shot.replace(/\.png$/, '-FAIL.png')).catch(() => {});
      const [first, ...detail] = String(e?.message ?? e)
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')
        .filter((l) => l.trim());
      console.log(`FAIL ${step.name} (${Date.now() - t0} ms): ${first}`);
      for (const line of detail.slice(0, 6)) console.log(`       ${line.trim()}`);
      if (i === 0) break; // no workbench, no point in the rest
    }
  }
  return { passed, failed };
}

/**
 * A UI run's state dir and what to close at the end: `resources` (closers, run last first), `cleanup()` (also on
 * Ctrl-C), which keeps the state dir when a step failed (`run.failed`) or `keep` says so.
 */
export function uiRun(name, { results, keep = false }) {
  fs.rmSync(results, { recursive: true, force: true });
  fs.mkdirSync(results, { recursive: true });
  const run = { state: createState(name), resources: [], failed: 0 };
  run.cleanup = async () => {
    for (const close of run.resources.reverse()) await close().catch(() => {});
    await killAllGroups();
    if (run.failed === 0 && !keep) fs.rmSync(run.state.dir, { recursive: true, force: true });
    else console.error(`state dir kept: ${path.relative(process.cwd(), run.state.dir)} (code-server.log, fake-polyaxon.log)`);
  };
  /** Cleans up, prints the tally and exits: 1 on any failure or when nothing passed. */
  run.finish = async (passed) => {
    await run.cleanup();
    console.log(`${passed} passed, ${run.failed} failed`);
    process.exit(run.failed === 0 && passed > 0 ? 0 : 1);
  };
  /** code-server on `state` and a browser page for it, both closed by cleanup(); `verbose` prints the page's console. */
  run.workbench = async (state, { verbose = false } = {}) => {
    const server = await startCodeServer(state);
    run.resources.push(server.stop);
    const { page, close } = await launchBrowser();
    run.resources.push(close);
    if (verbose) forwardConsole(page, { print: (line) => console.log(`  [page] ${line}`) });
    return { server, page };
  };
  onInterrupt(run.cleanup);
  return run;
}
