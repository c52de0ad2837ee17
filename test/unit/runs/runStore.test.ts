// The run store's polling rules, each on a fake clock against a scripted Polyaxon (no real time passes).
import * as assert from 'assert';
import { RunStore, type RunSource, type RunState } from '../../../src/runs/runStore';
import type { Run, RunStatuses } from '../../../src/polyaxon/types';
import { PolyaxonError } from '../../../src/polyaxon/errors';
import { FakeClock } from '../fakeClock';

const REF = { owner: 'o', project: 'p', uuid: 'u1' };
const TIMING = { fastMs: 2_000, slowMs: 30_000, maxBackoffMs: 120_000, stuckAfterMs: 600_000 };

/** A Polyaxon whose run has `status` (changeable by the test), counting requests and their signals. */
class ScriptedPolyaxon implements RunSource {
  status: RunStatuses['status'] = 'starting';
  fail: Error | undefined;
  requests: { at: number; what: string; signal?: AbortSignal }[] = [];
  /** When set, answers wait for this promise (a slow server). */
  gate: Promise<void> | undefined;
  constructor(private readonly clock: FakeClock) {}
  async getStatuses(ref: typeof REF, signal?: AbortSignal): Promise<RunStatuses> {
    this.requests.push({ at: this.clock.now(), what: 'statuses', signal });
    await this.gate;
    if (this.fail) throw this.fail;
    return {
      uuid: ref.uuid,
      status: this.status,
      status_conditions: [{ type: this.status ?? 'unknown', reason: 'Why', message: 'because' }],
    };
  }
  async getRun(ref: typeof REF, signal?: AbortSignal): Promise<Run> {
    this.requests.push({ at: this.clock.now(), what: 'run', signal });
    if (this.fail) throw this.fail;
    return { uuid: ref.uuid, name: 'vscode-service', status: this.status };
  }
  /** Status polls within [from, to). */
  polls(from: number, to: number): number {
    return this.requests.filter((r) => r.what === 'statuses' && r.at >= from && r.at < to).length;
  }
}

function setup(): { clock: FakeClock; server: ScriptedPolyaxon; store: RunStore; t0: number } {
  const clock = new FakeClock();
  const server = new ScriptedPolyaxon(clock);
  return { clock, server, store: new RunStore(async () => server, TIMING, clock), t0: clock.now() };
}

describe('RunStore polling rules', () => {
  it('fetches a run once per interval however many views watch it', async () => {
    const { clock, server, store, t0 } = setup();
    const seen: RunState[][] = [[], [], []];
    const unwatch = seen.map((list) => store.watch(REF, (s) => list.push(s)));
    await clock.advance(60_000);
    assert.strictEqual(server.polls(t0, t0 + 60_000), 30, 'one request per 2 s for three watchers');
    for (const list of seen) assert.strictEqual(list.at(-1)?.run?.status, 'starting');
    unwatch.forEach((u) => u());
    store.dispose();
  });

  it('polls a transitional run every 2 s and a steady one every 30 s', async () => {
    const { clock, server, store, t0 } = setup();
    store.watch(REF, () => undefined);
    await clock.advance(10_000);
    assert.strictEqual(server.polls(t0, t0 + 10_000), 5);
    server.status = 'running';
    await clock.advance(2_000); // the change is seen
    const from = clock.now();
    await clock.advance(120_000);
    assert.strictEqual(server.polls(from, from + 120_000), 4, 'running: one per 30 s');
    store.dispose();
  });

  it('slows a run stuck for 10 minutes down to one request per 30 s, for every watcher, even a fast one', async () => {
    const { clock, server, store, t0 } = setup();
    store.watch(REF, () => undefined);
    store.watch(REF, () => undefined, { fast: true });
    await clock.advance(600_000);
    assert.ok(server.polls(t0, t0 + 600_000) <= 300, 'at most one per 2 s for the first 10 minutes');
    assert.ok(store.isStuck(REF));
    const from = clock.now();
    await clock.advance(300_000);
    assert.ok(server.polls(from, from + 300_000) <= 10, `then one per 30 s: ${server.polls(from, from + 300_000)}`);
    server.status = 'running';
    await clock.advance(30_000);
    assert.ok(!store.isStuck(REF), 'a change ends "stuck"');
    store.dispose();
  });

  it('backs off on errors, doubling up to the cap, and resets on success', async () => {
    const { clock, server, store, t0 } = setup();
    const states: RunState[] = [];
    store.watch(REF, (s) => states.push(s));
    server.fail = new Error('ECONNRESET');
    await clock.advance(31_000);
    const times = server.requests.map((r) => r.at - t0);
    assert.deepStrictEqual(times, [0, 4_000, 12_000, 28_000], 'waits 4, 8, 16 s');
    assert.strictEqual(states.at(-1)?.failures, 4);
    server.fail = undefined;
    await clock.advance(60_000);
    assert.strictEqual(states.at(-1)?.failures, 0);
    assert.strictEqual(states.at(-1)?.error, undefined);
    store.dispose();
  });

  it('aborts a superseded request and ignores its late answer', async () => {
    const { clock, server, store } = setup();
    let open!: () => void;
    server.gate = new Promise((resolve) => (open = resolve));
    const states: RunState[] = [];
    store.watch(REF, (s) => states.push(s));
    await clock.advance(0);
    const first = server.requests[0];
    assert.ok(first, 'a first request is in flight');
    server.gate = undefined;
    server.status = 'running';
    store.refresh(REF);
    await clock.advance(0);
    assert.strictEqual(first.signal?.aborted, true, 'the older request was aborted');
    open();
    await clock.advance(0);
    assert.deepStrictEqual(
      states.map((s) => s.run?.status),
      ['running'],
      'only the newer answer is delivered',
    );
    store.dispose();
  });

  it('polls nothing while no view watches, and stops when the last one leaves', async () => {
    const { clock, server, store } = setup();
    store.ingest({ owner: 'o', project: 'p' }, [{ uuid: 'u1', status: 'starting' }]);
    await clock.advance(60_000);
    assert.strictEqual(server.requests.length, 0, 'a listed run alone is not polled');
    const unwatch = store.watch(REF, () => undefined);
    await clock.advance(10_000);
    assert.ok(server.requests.length > 0);
    unwatch();
    const count = server.requests.length;
    await clock.advance(600_000);
    assert.strictEqual(server.requests.length, count);
    store.dispose();
  });

  it('stops polling when the last view leaves after a reset (host change) carried it over', async () => {
    const { clock, server, store } = setup();
    const unwatch = store.watch(REF, () => undefined);
    await clock.advance(4_000);
    store.reset();
    await clock.advance(4_000);
    unwatch();
    const count = server.requests.length;
    await clock.advance(600_000);
    assert.strictEqual(server.requests.length, count);
    store.dispose();
  });

  it('counts a list answer as a fetch: the watcher makes no request of its own while the list is fresher', async () => {
    const { clock, server, store, t0 } = setup();
    store.ingest({ owner: 'o', project: 'p' }, [{ uuid: 'u1', status: 'starting' }]);
    store.watch(REF, () => undefined);
    for (let i = 0; i < 10; i++) {
      await clock.advance(1_900);
      store.ingest({ owner: 'o', project: 'p' }, [{ uuid: 'u1', status: 'starting' }]);
    }
    assert.strictEqual(server.polls(t0, clock.now()), 0);
    store.dispose();
  });

  it('marks a run deleted on 404 and stops polling it', async () => {
    const { clock, server, store } = setup();
    const states: RunState[] = [];
    store.watch(REF, (s) => states.push(s));
    await clock.advance(2_000);
    server.fail = new PolyaxonError({
      kind: 'notFound',
      message: 'Could not read the run: not found (HTTP 404).',
      host: 'h',
      method: 'GET',
      path: '/',
    });
    await clock.advance(2_000);
    const count = server.requests.length;
    await clock.advance(60_000);
    assert.strictEqual(states.at(-1)?.deleted, true);
    assert.strictEqual(server.requests.length, count);
    store.dispose();
  });
});
