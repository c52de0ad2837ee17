// The follower against a scripted Polyaxon behind the real run store, on a fake clock: no real time passes.
import * as assert from 'assert';
import { followLaunch, type StatusChange } from '../../../src/launch/launchFollower';
import { latestCondition } from '../../../src/polyaxon/conditions';
import { RunStore, type RunSource } from '../../../src/runs/runStore';
import type { Run, RunStatuses } from '../../../src/polyaxon/types';
import { FakeClock } from '../fakeClock';

const REF = { owner: 'o', project: 'p', uuid: 'u1' };

function statuses(status: string, message = `${status} message`, reason = `${status}Reason`): RunStatuses {
  return {
    uuid: 'u1',
    status: status as RunStatuses['status'],
    status_conditions: [{ type: status, status: 'True', reason, message, last_transition_time: '2026-01-01T00:00:00Z' }],
  };
}

/** Answers `script[i]` on the i-th statuses request, then repeats the last one; records when it was asked. */
function scripted(clock: FakeClock, script: Array<RunStatuses | Error>): RunSource & { times: number[] } {
  let last: RunStatuses | undefined;
  const source = {
    times: [] as number[],
    getStatuses: async (): Promise<RunStatuses> => {
      const answer = script[Math.min(source.times.length, script.length - 1)];
      source.times.push(clock.now());
      if (answer instanceof Error) throw answer;
      last = answer;
      return answer;
    },
    getRun: async (): Promise<Run> => ({ uuid: 'u1', name: 'vscode-service', status: last?.status }),
  };
  return source;
}

async function follow(
  script: Array<RunStatuses | Error>,
  extra: { warningGraceMs?: number; timeoutMs?: number; signal?: AbortSignal; clock?: FakeClock } = {},
) {
  const clock = extra.clock ?? new FakeClock();
  const start = clock.now();
  const source = scripted(clock, script);
  const store = new RunStore(async () => source, undefined, clock);
  const changes: StatusChange[] = [];
  const result = followLaunch({
    watch: (listener) => store.watch(REF, listener, { fast: true }),
    timers: clock,
    signal: extra.signal ?? new AbortController().signal,
    onChange: (c) => changes.push(c),
    warningGraceMs: extra.warningGraceMs,
    timeoutMs: extra.timeoutMs,
  }).then(
    (o) => ({ ok: true as const, outcome: o, at: clock.now() - start }),
    (e: Error) => ({ ok: false as const, error: e, at: clock.now() - start }),
  );
  let settled: Awaited<typeof result> | undefined;
  void result.then((r) => (settled = r));
  for (let i = 0; i < 1000 && !settled; i++) await clock.advance(500);
  assert.ok(settled, 'the follow ended');
  const calls = source.times.length;
  await clock.advance(60_000);
  store.dispose();
  return { ...settled, changes, times: source.times.map((t) => t - start), callsAfterEnd: source.times.length - calls };
}

describe('followLaunch (over the run store)', () => {
  it('reports each status once, in order, and ends at running, polling every 2 s', async () => {
    const r = await follow(['created', 'queued', 'queued', 'scheduled', 'starting', 'running'].map((s) => statuses(s)));
    assert.ok(r.ok);
    assert.strictEqual(r.outcome.kind, 'running');
    assert.deepStrictEqual(
      r.changes.map((c) => c.status),
      ['created', 'queued', 'scheduled', 'starting', 'running'],
    );
    assert.strictEqual(r.changes[1].condition?.message, 'queued message');
    assert.deepStrictEqual(r.times, [0, 2000, 4000, 6000, 8000, 10000], 'one request per 2 s');
    assert.strictEqual(r.callsAfterEnd, 0, 'nothing polls once the follow ended');
  });

  it("ends at failed with Polyaxon's reason and message", async () => {
    const r = await follow([statuses('queued'), statuses('failed', 'Failed to compile', 'SchedulerPrepare')]);
    assert.ok(r.ok);
    assert.strictEqual(r.outcome.kind, 'failed');
    assert.strictEqual(r.outcome.status, 'failed');
    assert.strictEqual(r.outcome.condition?.reason, 'SchedulerPrepare');
    assert.strictEqual(r.outcome.condition?.message, 'Failed to compile');
  });

  it('ends at stopped when the run was stopped before running', async () => {
    const r = await follow([statuses('queued'), statuses('stopped')]);
    assert.ok(r.ok);
    assert.strictEqual(r.outcome.kind, 'stopped');
  });

  it('counts unschedulable as a failure once it outlasts the grace period', async () => {
    const r = await follow([statuses('queued'), statuses('unschedulable', '0/3 nodes are available')], { warningGraceMs: 6000 });
    assert.ok(r.ok);
    assert.strictEqual(r.outcome.kind, 'unschedulable');
    assert.strictEqual(r.outcome.condition?.message, '0/3 nodes are available');
    // first unschedulable answer at t=2000, gives up 6 s later (the follow's own timer, not a poll)
    assert.strictEqual(r.times[1], 2000);
    assert.strictEqual(r.at, 8000);
  });

  it('keeps following when a warning clears within the grace period', async () => {
    const r = await follow([statuses('queued'), statuses('warning'), statuses('warning'), statuses('starting'), statuses('running')], {
      warningGraceMs: 10_000,
    });
    assert.ok(r.ok);
    assert.strictEqual(r.outcome.kind, 'running');
    assert.deepStrictEqual(
      r.changes.map((c) => c.status),
      ['queued', 'warning', 'starting', 'running'],
    );
  });

  it('times out on a run that stays queued, keeping the last status', async () => {
    const r = await follow([statuses('queued')], { timeoutMs: 10_000 });
    assert.ok(r.ok);
    assert.strictEqual(r.outcome.kind, 'timeout');
    assert.strictEqual(r.outcome.status, 'queued');
    assert.strictEqual(r.at, 10_000);
  });

  it('ends as cancelled, without throwing, when the signal aborts, and stops polling', async () => {
    const abort = new AbortController();
    const clock = new FakeClock();
    clock.setTimeout(() => abort.abort(), 3000);
    const r = await follow([statuses('queued')], { signal: abort.signal, clock });
    assert.ok(r.ok);
    assert.strictEqual(r.outcome.kind, 'cancelled');
    assert.strictEqual(r.outcome.status, 'queued');
    assert.deepStrictEqual(r.times, [0, 2000]);
    assert.strictEqual(r.callsAfterEnd, 0);
  });

  it('rides out a failed poll, then throws after three in a row', async () => {
    const flaky = await follow([new Error('ECONNRESET'), statuses('running')]);
    assert.ok(flaky.ok);
    assert.strictEqual(flaky.outcome.kind, 'running');
    const down = await follow([new Error('ECONNREFUSED')]);
    assert.ok(!down.ok);
    assert.match(down.error.message, /ECONNREFUSED/);
    assert.deepStrictEqual(down.times, [0, 4000, 12000], 'errors back off');
  });
});

describe('latestCondition', () => {
  it('prefers the newest condition of the current status', () => {
    const c = latestCondition(
      [
        { type: 'queued', message: 'old', last_transition_time: '2026-01-01T00:00:01Z' },
        { type: 'failed', message: 'boom', last_transition_time: '2026-01-01T00:00:03Z' },
        { type: 'queued', message: 'newer', last_transition_time: '2026-01-01T00:00:02Z' },
      ],
      'queued',
    );
    assert.strictEqual(c?.message, 'newer');
  });

  it('falls back to the newest condition, and to nothing', () => {
    assert.strictEqual(
      latestCondition(
        [
          { type: 'created', message: 'a' },
          { type: 'queued', message: 'b' },
        ],
        'running',
      )?.message,
      'b',
    );
    assert.strictEqual(latestCondition([], 'running'), undefined);
  });
});
