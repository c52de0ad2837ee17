// The follower against a scripted status source and a fake clock: no real time passes.
import * as assert from 'assert';
import { followLaunch, latestCondition, type FollowOptions, type StatusChange } from '../../../src/services/launchFollower';
import type { RunStatuses } from '../../../src/polyaxon/types';

/** A clock that only moves when the follower sleeps. */
class FakeClock {
  time = 0;
  sleeps: number[] = [];
  now = (): number => this.time;
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.time += ms;
  };
}

function statuses(status: string, message = `${status} message`, reason = `${status}Reason`): RunStatuses {
  return { uuid: 'u1', status: status as RunStatuses['status'], status_conditions: [{ type: status, status: 'True', reason, message, last_transition_time: '2026-01-01T00:00:00Z' }] };
}

/** Answers `script[i]` on the i-th poll, then repeats the last one. */
function scripted(script: Array<RunStatuses | Error>): FollowOptions['getStatuses'] & { calls: number } {
  const fn = Object.assign(async () => {
    const answer = script[Math.min(fn.calls++, script.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer;
  }, { calls: 0 });
  return fn;
}

function options(clock: FakeClock, getStatuses: FollowOptions['getStatuses'], extra: Partial<FollowOptions> = {}): FollowOptions & { changes: StatusChange[] } {
  const changes: StatusChange[] = [];
  return { getStatuses, sleep: clock.sleep, now: clock.now, signal: new AbortController().signal, onChange: (c) => changes.push(c), changes, ...extra };
}

describe('followLaunch', () => {
  it('reports each status once, in order, and ends at running', async () => {
    const clock = new FakeClock();
    const opts = options(clock, scripted(['created', 'queued', 'queued', 'scheduled', 'starting', 'running'].map((s) => statuses(s))));
    const outcome = await followLaunch(opts);
    assert.strictEqual(outcome.kind, 'running');
    assert.deepStrictEqual(opts.changes.map((c) => c.status), ['created', 'queued', 'scheduled', 'starting', 'running']);
    assert.strictEqual(opts.changes[1].condition?.message, 'queued message');
    assert.deepStrictEqual(clock.sleeps, [1500, 1500, 1500, 1500, 1500], 'polls every 1.5 s');
  });

  it('ends at failed with Polyaxon\'s reason and message', async () => {
    const clock = new FakeClock();
    const outcome = await followLaunch(options(clock, scripted([statuses('queued'), statuses('failed', 'Failed to compile', 'SchedulerPrepare')])));
    assert.strictEqual(outcome.kind, 'failed');
    assert.strictEqual(outcome.status, 'failed');
    assert.strictEqual(outcome.condition?.reason, 'SchedulerPrepare');
    assert.strictEqual(outcome.condition?.message, 'Failed to compile');
  });

  it('ends at stopped when the run was stopped before running', async () => {
    const outcome = await followLaunch(options(new FakeClock(), scripted([statuses('queued'), statuses('stopped')])));
    assert.strictEqual(outcome.kind, 'stopped');
  });

  it('waits out the grace period before giving up on unschedulable', async () => {
    const clock = new FakeClock();
    const outcome = await followLaunch(options(clock, scripted([statuses('queued'), statuses('unschedulable', '0/3 nodes are available')]), { warningGraceMs: 6000 }));
    assert.strictEqual(outcome.kind, 'unschedulable');
    assert.strictEqual(outcome.condition?.message, '0/3 nodes are available');
    // first unschedulable poll at t=1500, gives up at the first poll at or after t=7500
    assert.strictEqual(clock.time, 7500);
  });

  it('keeps following when a warning clears within the grace period', async () => {
    const script = [statuses('queued'), statuses('warning'), statuses('warning'), statuses('starting'), statuses('running')];
    const opts = options(new FakeClock(), scripted(script), { warningGraceMs: 10_000 });
    const outcome = await followLaunch(opts);
    assert.strictEqual(outcome.kind, 'running');
    assert.deepStrictEqual(opts.changes.map((c) => c.status), ['queued', 'warning', 'starting', 'running']);
  });

  it('times out on a run that stays queued, keeping the last status', async () => {
    const clock = new FakeClock();
    const outcome = await followLaunch(options(clock, scripted([statuses('queued')]), { timeoutMs: 10_000 }));
    assert.strictEqual(outcome.kind, 'timeout');
    assert.strictEqual(outcome.status, 'queued');
    assert.strictEqual(clock.time, 10_000, 'the last sleep is cut to the deadline');
  });

  it('ends as cancelled, without throwing, when the signal aborts', async () => {
    const clock = new FakeClock();
    const abort = new AbortController();
    const getStatuses = scripted([statuses('queued')]);
    const sleep = async (ms: number): Promise<void> => {
      await clock.sleep(ms);
      if (clock.time >= 3000) abort.abort();
    };
    const outcome = await followLaunch(options(clock, getStatuses, { signal: abort.signal, sleep }));
    assert.strictEqual(outcome.kind, 'cancelled');
    assert.strictEqual(outcome.status, 'queued');
    assert.strictEqual(getStatuses.calls, 2);
  });

  it('rides out a few failed polls, then throws', async () => {
    const flaky = await followLaunch(options(new FakeClock(), scripted([new Error('ECONNRESET'), statuses('running')])));
    assert.strictEqual(flaky.kind, 'running');
    await assert.rejects(followLaunch(options(new FakeClock(), scripted([new Error('ECONNREFUSED')]))), /ECONNREFUSED/);
  });
});

describe('latestCondition', () => {
  it('prefers the newest condition of the current status', () => {
    const c = latestCondition([
      { type: 'queued', message: 'old', last_transition_time: '2026-01-01T00:00:01Z' },
      { type: 'failed', message: 'boom', last_transition_time: '2026-01-01T00:00:03Z' },
      { type: 'queued', message: 'newer', last_transition_time: '2026-01-01T00:00:02Z' },
    ], 'queued');
    assert.strictEqual(c?.message, 'newer');
  });

  it('falls back to the newest condition, and to nothing', () => {
    assert.strictEqual(latestCondition([{ type: 'created', message: 'a' }, { type: 'queued', message: 'b' }], 'running')?.message, 'b');
    assert.strictEqual(latestCondition([], 'running'), undefined);
  });
});
