// The run store and the services model (what the tree, the status bar and the tabs show) on a real Polyaxon v2.5.2's
// answers, read by the real client: `scheduled` is a moving status, and a delete shows at once although v2 keeps the
// run readable (200, live_state -1) for a day.
import * as assert from 'assert';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { isTransitional, statusInfo } from '../../../src/polyaxon/statuses';
import { RunStore, type RunState } from '../../../src/runs/runStore';
import { ServicesModel } from '../../../src/runs/servicesModel';
import { allRuns, countServices } from '../../../src/runs/servicesSnapshot';
import { FakeClock } from '../fakeClock';
import { RecordedV2Server, skipWithoutRecordedV2 } from '../recordedV2';

const PROJECT = { owner: 'default', project: 'my-project-alice' };
const VSCODE = { ...PROJECT, uuid: '35ce7b06eb7a4c68b75dc3763dfe22fe' };
const JUPYTER = { ...PROJECT, uuid: '65d92201da0646d5a2c255de2754614a' };
const TIMING = { fastMs: 2_000, slowMs: 30_000, maxBackoffMs: 120_000, stuckAfterMs: 600_000 };
/** What the tree asks with the "All services" filter; recorded with limit=20, which holds all 9 services. */
const ALL_SERVICES = `/api/v1/default/my-project-alice/runs?query=kind:service&sort=-created_at&limit=100`;

describe('the services model and the run store on a real Polyaxon v2.5.2', function () {
  let server: RecordedV2Server;
  let clock: FakeClock;
  let store: RunStore;
  let model: ServicesModel;

  before(function () {
    skipWithoutRecordedV2(this);
  });

  beforeEach(async () => {
    server = new RecordedV2Server();
    await server.start();
    clock = new FakeClock(); // no timer fires unless a test says so: every request below is one the test asked for
    const client = new PolyaxonClient({ host: server.url });
    store = new RunStore(async () => client, TIMING, clock);
    model = new ServicesModel(
      {
        connection: async () => ({ client, host: server.url, owner: 'default', hostSource: 'setting' }),
        projectNames: () => ['my-project-alice'],
        filter: () => 'all',
      },
      { store, timing: TIMING, timers: clock },
    );
  });

  afterEach(async () => {
    model.dispose();
    store.dispose();
    await server.close();
  });

  const listed = () => allRuns(model.snapshot).map((r) => r.uuid);

  /** The first state of `ref` the store reports that passes `wanted`. */
  function stateOf(ref: typeof VSCODE, wanted: (s: RunState) => boolean): Promise<RunState> {
    return new Promise((resolve) => {
      const unwatch = store.watch(ref, (s) => {
        if (!wanted(s)) return;
        queueMicrotask(unwatch);
        resolve(s);
      });
      void clock.advance(0); // the watch's first fetch
    });
  }

  it('counts scheduled (the agent picked the run up) as starting, and polls the list fast while a service is scheduled', async () => {
    server.alias('GET', ALL_SERVICES, 'runs-list.kind-service.sort-created.limit20.json');
    model.setVisible(true);
    await model.refresh();
    const runs = allRuns(model.snapshot);
    assert.strictEqual(runs.length, 9);
    const scheduled = runs.filter((r) => r.status === 'scheduled');
    assert.strictEqual(scheduled.length, 4, 'the recorded list has four scheduled services');
    assert.ok(scheduled.every((r) => isTransitional(r.status) && statusInfo(r.status).group === 'starting'));
    // 1 running; created, 4 scheduled and starting are on their way; the two compile failures are of the last hour.
    assert.deepStrictEqual(countServices(runs, Date.parse('2026-12-07T04:00:00Z')), { running: 1, starting: 6, recentlyFailed: 2 });
    assert.strictEqual(model.nextDelay, TIMING.fastMs);
  });

  it('follows a scheduled run fast, with the condition the agent wrote', async () => {
    server.answer('run-get.vscode.scheduled.json', 'run-statuses.vscode.scheduled.json');
    store.watch(VSCODE, () => undefined); // a tab that stays
    const state = await stateOf(VSCODE, (s) => s.run !== undefined);
    assert.strictEqual(state.run?.status, 'scheduled');
    assert.deepStrictEqual(
      [state.conditions.at(-1)?.type, state.conditions.at(-1)?.reason, state.conditions.at(-1)?.status],
      ['scheduled', 'AgentController', true],
    );
    await clock.advance(0); // the store schedules its next fetch once the listeners have heard
    assert.deepStrictEqual(clock.scheduled, [TIMING.fastMs], 'the next fetch of a scheduled run is a fast one');
  });

  it('drops a service we deleted from the list at once, and a list read before the delete does not bring it back', async () => {
    server.alias('GET', ALL_SERVICES, 'runs-list.kind-service.sort-created.limit20.json');
    await model.refresh();
    assert.ok(listed().includes(JUPYTER.uuid));
    const requests = server.seen.length;

    store.markDeleted(JUPYTER); // what the delete command does once the server said 204
    assert.ok(!listed().includes(JUPYTER.uuid), 'gone from the tree without a request');
    assert.strictEqual(server.seen.length, requests);
    assert.strictEqual(store.get(JUPYTER)?.deleted, true);

    await model.refresh(); // an answer the server gave before the delete
    assert.ok(!listed().includes(JUPYTER.uuid), 'not back from a list that predates the delete');
    assert.strictEqual(store.get(JUPYTER)?.deleted, true);

    server.alias('GET', ALL_SERVICES, 'runs-list.after-deletes.json');
    await model.refresh();
    assert.strictEqual(listed().length, 7, 'v2 leaves deleted runs out of its lists');
  });

  it('tells every watcher of a run we deleted at once, and polls it no more', async () => {
    server.answer('run-get.vscode.stopped.json', 'run-statuses.vscode.stopped.json');
    const seen: RunState[] = [];
    store.watch(VSCODE, (s) => seen.push(s));
    await stateOf(VSCODE, (s) => s.run?.status === 'stopped');
    server.answer('run-get.vscode.after-delete.json', 'run-statuses.vscode.after-delete.json');
    const requests = server.seen.length;

    store.markDeleted(VSCODE);
    assert.strictEqual(seen.at(-1)?.deleted, true);
    assert.deepStrictEqual(clock.scheduled, [], 'no fetch of a deleted run is due');
    assert.strictEqual(server.seen.length, requests);
  });

  it('reads a run deleted elsewhere as deleted: statuses 404, the run itself 200 with live_state -1', async () => {
    server.answer('run-get.vscode.after-delete.json', 'run-statuses.vscode.after-delete.json');
    const state = await stateOf(VSCODE, (s) => s.deleted);
    assert.strictEqual(state.deleted, true);
    assert.strictEqual(state.error, undefined);
  });
});
