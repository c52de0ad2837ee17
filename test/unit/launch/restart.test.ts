// Restart means restart: the old run stops (after a question naming it), exactly one copy starts, and an open
// tab follows the copy. A refused stop launches nothing.
import * as assert from 'assert';
import type { FakePolyaxon } from '../../fake-polyaxon/server';
import { createPosts, harness, restartPosts, startFakeWithProject } from './harness';

const PROJECT = 'rst';

describe('LaunchManager.restart', function () {
  this.timeout(20_000);
  let fake: FakePolyaxon;

  beforeEach(async () => (fake = await startFakeWithProject(PROJECT)));
  afterEach(() => fake.close());

  it('asks by name, stops the running service, starts one copy and moves its tab to the copy', async () => {
    const old = fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'running' });
    const ref = { owner: 'default', project: PROJECT, uuid: old.uuid };
    const { manager, rec } = harness(fake, PROJECT, { confirm: () => true, openTabs: [ref] });
    const copy = await manager.restart(ref);
    assert.ok(copy);
    assert.notStrictEqual(copy.uuid, old.uuid);
    assert.strictEqual(copy.status, 'running');
    assert.match(rec.confirmed[0], /"vscode-alice-1".*running/);
    assert.match(String(fake.getRun(PROJECT, old.uuid)?.status), /^(stopping|stopped)$/);
    assert.strictEqual(restartPosts(fake), 1);
    assert.strictEqual(createPosts(fake, PROJECT), 0);
    assert.deepStrictEqual(
      rec.retargeted.map((r) => [r.from.uuid, r.to.uuid]),
      [[old.uuid, copy.uuid]],
    );
  });

  it('does nothing when the user says no', async () => {
    const old = fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'running' });
    const { manager } = harness(fake, PROJECT, { confirm: () => false });
    assert.strictEqual(await manager.restart({ owner: 'default', project: PROJECT, uuid: old.uuid }), undefined);
    assert.strictEqual(fake.getRun(PROJECT, old.uuid)?.status, 'running');
    assert.strictEqual(fake.requests.filter((r) => r.method === 'POST').length, 0);
  });

  it('says so and launches nothing when the old run cannot be stopped', async () => {
    const old = fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'running' });
    const { manager } = harness(fake, PROJECT, { confirm: () => true });
    fake.faults.status = 500;
    fake.faults.match = /\/stop/;
    const restarting = manager.restart({ owner: 'default', project: PROJECT, uuid: old.uuid });
    await assert.rejects(restarting, /Could not stop "vscode-alice-1", so nothing was launched/);
    assert.strictEqual(restartPosts(fake), 0);
    assert.strictEqual(fake.getRun(PROJECT, old.uuid)?.status, 'running');
  });

  it('restarts a stopped service without a question, and leaves tabs alone when none is open', async () => {
    const old = fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'stopped' });
    const { manager, rec } = harness(fake, PROJECT);
    const copy = await manager.restart({ owner: 'default', project: PROJECT, uuid: old.uuid });
    assert.strictEqual(copy?.status, 'running');
    assert.deepStrictEqual(rec.confirmed, []);
    assert.strictEqual(restartPosts(fake), 1);
    assert.deepStrictEqual(rec.retargeted, []);
  });

  it('names the copy apart from its original as a launch would, and leaves other services their name', async () => {
    const old = fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'stopped' });
    fake.addRun(PROJECT, { name: 'vscode-alice-2', kind: 'service', tags: ['vscode'], status: 'running' });
    const app = fake.addRun(PROJECT, { name: 'dashboard-1', kind: 'service', tags: ['streamlit'], inputs: {}, status: 'stopped' });
    const { manager } = harness(fake, PROJECT);
    const copy = await manager.restart({ owner: 'default', project: PROJECT, uuid: old.uuid });
    assert.strictEqual(copy?.name, 'vscode-alice-3');
    assert.strictEqual(fake.getRun(PROJECT, old.uuid)?.name, 'vscode-alice-1');
    const appCopy = await manager.restart({ owner: 'default', project: PROJECT, uuid: app.uuid });
    assert.strictEqual(appCopy?.name, 'dashboard-1');
  });
});
