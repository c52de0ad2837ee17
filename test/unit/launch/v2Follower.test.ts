// The launch follower on what a real Polyaxon v2.5.2 answered while a VS Code service came up, read by the real client
// and run store: v2 adds the agent's `scheduled` between `queued` and `starting`.
import * as assert from 'assert';
import { followLaunch, type StatusChange } from '../../../src/launch/launchFollower';
import { progressMessage } from '../../../src/launch/launchProgress';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import type { Run } from '../../../src/polyaxon/types';
import { RunStore } from '../../../src/runs/runStore';
import { FakeClock } from '../fakeClock';
import { recordedBody, RecordedV2Server, skipWithoutRecordedV2 } from '../recordedV2';

const PROJECT = { owner: 'default', project: 'my-project-alice' };
const VSCODE = { ...PROJECT, uuid: '35ce7b06eb7a4c68b75dc3763dfe22fe' };
const TIMING = { fastMs: 2_000, slowMs: 30_000, maxBackoffMs: 120_000, stuckAfterMs: 600_000 };

describe('the launch follower on a real Polyaxon v2.5.2', function () {
  let server: RecordedV2Server;
  let clock: FakeClock;
  let store: RunStore;
  const changes: StatusChange[] = [];
  let heard: (() => void) | undefined;
  /** Resolves with the next status change the follower reports. */
  const nextChange = () => new Promise<void>((resolve) => (heard = resolve));

  before(function () {
    skipWithoutRecordedV2(this);
  });

  beforeEach(async () => {
    server = new RecordedV2Server();
    await server.start();
    clock = new FakeClock();
    const client = new PolyaxonClient({ host: server.url });
    store = new RunStore(async () => client, TIMING, clock);
    changes.length = 0;
    // What the launch does with the 201 answer (which has no status in v2) before it follows the run.
    store.ingest(PROJECT, [recordedBody<Run>('run-create.vscode.json')]);
  });

  afterEach(async () => {
    store.dispose();
    await server.close();
  });

  function follow() {
    return followLaunch({
      watch: (listener) => store.watch(VSCODE, listener, { fast: true }),
      timers: clock,
      signal: new AbortController().signal,
      onChange: (change) => {
        changes.push(change);
        heard?.();
      },
    });
  }

  /** The server moves on to the recorded answers of `files`; the follower hears of it at its next poll. */
  async function moment(...files: string[]): Promise<void> {
    server.answer(...files);
    const change = nextChange();
    await clock.advance(TIMING.fastMs);
    await change;
  }

  it('reports queued, then scheduled with the agent’s words, then ends running', async () => {
    const outcome = follow();
    await moment('run-get.vscode.right-after-create.json', 'run-statuses.vscode.right-after-create.json');
    await moment('run-get.vscode.scheduled.json', 'run-statuses.vscode.scheduled.json');
    assert.strictEqual(progressMessage(changes.at(-1), 1_000), 'scheduled: Operation is scheduled · 0:01');
    await moment('run-get.vscode.running.json', 'run-statuses.vscode.running.json');
    assert.strictEqual((await outcome).kind, 'running');
    assert.deepStrictEqual(
      changes.map((c) => [c.status, c.condition?.reason]),
      [
        ['queued', 'SchedulerStart'],
        ['scheduled', 'AgentController'],
        ['running', 'OperatorController'],
      ],
    );
  });

  it('keeps following a scheduled run (the agent made the Operation; the cluster has yet to start it)', async () => {
    const outcome = follow();
    let ended = false;
    void outcome.then(() => (ended = true));
    await moment('run-get.vscode.scheduled.json', 'run-statuses.vscode.scheduled.json');
    await clock.advance(5 * TIMING.fastMs);
    assert.strictEqual(ended, false);
    assert.deepStrictEqual(
      changes.map((c) => c.status),
      ['scheduled'],
    );
    await moment('run-get.vscode.running.json', 'run-statuses.vscode.running.json');
    assert.strictEqual((await outcome).kind, 'running');
  });

  it('ends at once when the run is deleted meanwhile, without waiting for a 404', async () => {
    const outcome = follow();
    await moment('run-get.vscode.scheduled.json', 'run-statuses.vscode.scheduled.json');
    store.markDeleted(VSCODE);
    await assert.rejects(outcome, /the run was deleted/);
  });
});
