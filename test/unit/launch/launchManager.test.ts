// The launch manager without VS Code, against the fake Polyaxon: checks come first, the existing-service
// question is worded after its state, and nothing is created that the user did not ask for.
import * as assert from 'assert';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { createPosts, harness, startFakeWithProject } from './harness';

const PROJECT = 'mgr';
const PARAMS = { DOCKER_IMAGE: 'img:1' };

describe('LaunchManager.launch', function () {
  this.timeout(20_000);
  let fake: FakePolyaxon;

  beforeEach(async () => (fake = await startFakeWithProject(PROJECT)));
  afterEach(() => fake.close());

  it('launches with params without a question, names the run vscode-<user>-1, and follows it to running', async () => {
    const { manager, rec } = harness(fake, PROJECT);
    const run = await manager.launch({ kind: 'vscode' }, { params: PARAMS });
    assert.strictEqual(run?.status, 'running');
    assert.strictEqual(run.name, 'vscode-alice-1');
    assert.strictEqual(createPosts(fake, PROJECT), 1);
    assert.deepStrictEqual(rec.said, []);
    assert.strictEqual(rec.outcomes.length, 1);
    assert.strictEqual(rec.outcomes[0].outcome.kind, 'running');
  });

  it('takes the smallest free number for the default name, whatever the status of the other runs', async () => {
    fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'stopped' });
    fake.addRun(PROJECT, { name: 'vscode-alice-3', kind: 'service', tags: ['vscode'], status: 'running' });
    fake.addRun(PROJECT, { name: 'vscode-bob-2', kind: 'service', tags: ['vscode'], status: 'running' });
    const { manager } = harness(fake, PROJECT);
    const run = await manager.launch({ kind: 'vscode' }, { params: PARAMS });
    assert.strictEqual(run?.name, 'vscode-alice-2');
  });

  it('with Polyaxon unreachable, says so with Configure Connection and Retry, and shows no step', async () => {
    await fake.refuseConnections();
    const { manager, rec } = harness(fake, PROJECT, {
      choose: (_m, actions) => (actions.includes('Configure Connection') ? 'Configure Connection' : undefined),
    });
    assert.strictEqual(await manager.launch({ kind: 'vscode' }, {}), undefined);
    assert.strictEqual(rec.said.length, 1);
    assert.match(rec.said[0], /^Nothing was launched: .*refused/i);
    assert.strictEqual(rec.wizards.length, 0, 'no step of the form was shown');
    assert.strictEqual(rec.configured, 1, 'Configure Connection ran');
  });

  it('retries when asked, and shows the form once Polyaxon answers', async () => {
    await fake.refuseConnections();
    const { manager, rec } = harness(fake, PROJECT, {
      // The user starts the port-forward, then clicks Retry.
      choose: async () => {
        await fake.acceptConnections();
        return 'Retry';
      },
    });
    assert.strictEqual(await manager.launch({ kind: 'vscode' }, {}), undefined, 'the form was dismissed');
    assert.strictEqual(rec.said.length, 1);
    assert.strictEqual(rec.wizards.length, 1);
  });

  it('offers to create a missing project before any step, and launches in it', async () => {
    const { manager, rec } = harness(fake, 'new-one', {
      choose: (message) => (/does not exist/.test(message) ? 'Create Project' : undefined),
      wizard: () => ({ params: PARAMS }),
    });
    const run = await manager.launch({ kind: 'vscode' }, {});
    assert.strictEqual(run?.status, 'running');
    assert.match(rec.said[0], /Project "new-one" does not exist/);
    assert.strictEqual(rec.wizards[0].project, 'new-one');
    assert.strictEqual(createPosts(fake, 'new-one'), 1);
  });

  it('launches nothing when the missing project is not created', async () => {
    const { manager, rec } = harness(fake, 'new-one');
    assert.strictEqual(await manager.launch({ kind: 'vscode' }, {}), undefined);
    assert.strictEqual(rec.wizards.length, 0);
    assert.strictEqual(fake.requests.filter((r) => r.method === 'POST').length, 0);
  });

  it('asks about a running service in the first step, and opens it when chosen', async () => {
    const active = fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'running' });
    const { manager, rec } = harness(fake, PROJECT, { wizard: () => ({ existing: 'open' }) });
    const run = await manager.launch({ kind: 'vscode' }, {});
    assert.strictEqual(run?.uuid, active.uuid);
    const labels = rec.wizards[0].existing?.choices.map((c) => c.label);
    assert.deepStrictEqual(labels, ['Open the running one', 'Launch another', 'Stop it and launch']);
    assert.strictEqual(rec.wizards[0].existing?.question, '"vscode-alice-1" is already running in this project. What now?');
    assert.strictEqual(rec.opened[0].ref.uuid, active.uuid);
    assert.strictEqual(createPosts(fake, PROJECT), 0);
  });

  it('names every running service of the kind in the first step, and which one Open and Stop act on', async () => {
    fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'running' });
    fake.addRun(PROJECT, { name: 'vscode-alice-2', kind: 'service', tags: ['vscode'], status: 'running' });
    const { manager, rec } = harness(fake, PROJECT);
    await manager.launch({ kind: 'vscode' }, {});
    const existing = rec.wizards[0].existing;
    assert.strictEqual(
      existing?.question,
      '2 are already up in this project: "vscode-alice-2" (running) and "vscode-alice-1" (running). What now?',
    );
    assert.deepStrictEqual(
      existing.choices.map((c) => c.detail),
      [
        'Launches nothing: opens "vscode-alice-2", the newest.',
        '"vscode-alice-2" and "vscode-alice-1" keep going; another Cluster VSCode starts beside them.',
        'Stops "vscode-alice-2", the newest (files on the shared volume stay; "vscode-alice-1" keeps going), then launches a new Cluster VSCode.',
      ],
    );
  });

  it('words the question after a queued service’s state', async () => {
    const op = { queuedMs: 60_000, startingMs: 60_000, stoppingMs: 30 };
    await fake.close();
    fake = await startFakePolyaxon({ seed: 'empty', operator: op });
    fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'queued' });
    const { manager, rec } = harness(fake, PROJECT);
    await manager.launch({ kind: 'vscode' }, {});
    assert.strictEqual(rec.wizards[0].existing?.choices[0].label, 'Open the queued one');
  });

  it('"Stop it and launch" stops the active service and creates exactly one new one', async () => {
    const active = fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'running' });
    const { manager } = harness(fake, PROJECT, { wizard: () => ({ existing: 'replace', params: PARAMS, name: 'vscode-alice-2' }) });
    const run = await manager.launch({ kind: 'vscode' }, {});
    assert.strictEqual(run?.status, 'running');
    assert.match(String(fake.getRun(PROJECT, active.uuid)?.status), /^(stopping|stopped)$/);
    assert.strictEqual(createPosts(fake, PROJECT), 1);
  });

  it('"Stop it and launch" launches nothing when the stop fails', async () => {
    const active = fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'running' });
    const { manager } = harness(fake, PROJECT, { wizard: () => ({ existing: 'replace', params: PARAMS }) });
    fake.faults.status = 500;
    fake.faults.match = /\/stop/;
    await assert.rejects(manager.launch({ kind: 'vscode' }, {}), /Could not stop "vscode-alice-1", so nothing was launched/);
    assert.strictEqual(createPosts(fake, PROJECT), 0);
    assert.strictEqual(fake.getRun(PROJECT, active.uuid)?.status, 'running');
  });
});
