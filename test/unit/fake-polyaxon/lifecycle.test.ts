import * as assert from 'assert';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { call, operationBody, RUNS, waitFor } from './helpers';

// Long enough to observe each step with a few requests, short enough for a unit test.
const FAST = { queuedMs: 400, startingMs: 200, stoppingMs: 400 };

describe('fake Polyaxon: run lifecycle', () => {
  let fake: FakePolyaxon;
  beforeEach(async () => {
    fake = await startFakePolyaxon({ seed: 'empty', operator: FAST });
    fake.addProject('my-project-alice');
  });
  afterEach(() => fake.close());

  const statusOf = async (uuid: string) => (await call(fake, 'GET', `${RUNS}/${uuid}`)).json.status as string;
  const types = async (uuid: string) =>
    ((await call(fake, 'GET', `${RUNS}/${uuid}/statuses`)).json.status_conditions as { type: string }[]).map((c) => c.type);

  it('creates a queued run (201, recorded partial body) that the operator brings to running', async () => {
    const created = await call(fake, 'POST', RUNS, operationBody({ WORKING_DIR: '/polyaxon-v1-data' }));
    assert.strictEqual(created.status, 201);
    assert.deepStrictEqual(Object.keys(created.json).sort(), [
      'content',
      'description',
      'is_managed',
      'meta_info',
      'name',
      'pending',
      'tags',
      'uuid',
    ]);
    assert.deepStrictEqual(created.json.meta_info, { rewrite_path: true });
    const uuid = created.json.uuid as string;
    assert.match(uuid, /^[0-9a-f]{32}$/);
    const compiled = JSON.parse(created.json.content);
    assert.strictEqual(compiled.kind, 'compiled_operation');
    assert.strictEqual(compiled.run.container.workingDir, '/polyaxon-v1-data');
    assert.strictEqual(compiled.run.container.image, 'img:1');
    assert.deepStrictEqual(compiled.run.init, []);
    const detail = (await call(fake, 'GET', `${RUNS}/${uuid}`)).json;
    assert.strictEqual(detail.status, 'queued');
    assert.deepStrictEqual(detail.inputs, { WORKING_DIR: '/polyaxon-v1-data' });
    assert.strictEqual(JSON.parse(detail.raw_content).kind, 'operation');
    await waitFor('running', async () => (await statusOf(uuid)) === 'running');
    assert.deepStrictEqual(await types(uuid), ['created', 'compiled', 'queued', 'scheduled', 'starting', 'running']);
    const running = (await call(fake, 'GET', `${RUNS}/${uuid}`)).json;
    assert.ok(running.started_at);
    assert.strictEqual(typeof running.wait_time, 'number');
  });

  it('stops: 200 {} and stopping, then stopped with finished_at and duration; stopping again changes nothing', async () => {
    const run = fake.addRun('my-project-alice', { name: 'vscode-service', kind: 'service', status: 'running' });
    const stop = await call(fake, 'POST', `${RUNS}/${run.uuid}/stop`);
    assert.deepStrictEqual([stop.status, stop.json], [200, {}]);
    assert.strictEqual(await statusOf(run.uuid), 'stopping');
    const again = await call(fake, 'POST', `${RUNS}/${run.uuid}/stop/`);
    assert.deepStrictEqual([again.status, again.json], [200, {}]);
    await waitFor('stopped', async () => (await statusOf(run.uuid)) === 'stopped');
    const stopped = (await call(fake, 'GET', `${RUNS}/${run.uuid}`)).json;
    assert.ok(stopped.finished_at);
    assert.strictEqual(typeof stopped.duration, 'number');
    const conditions = (await call(fake, 'GET', `${RUNS}/${run.uuid}/statuses`)).json.status_conditions;
    assert.deepStrictEqual(
      conditions.slice(-2).map((c: { reason: string }) => c.reason),
      ['StateManager', 'OperatorFinalizer'],
    );
    await call(fake, 'POST', `${RUNS}/${run.uuid}/stop`);
    assert.strictEqual(await statusOf(run.uuid), 'stopped');
  });

  it('deletes (204, then 404 {"detail":"Not found."}) and restarts into a new run pointing at the original', async () => {
    const run = fake.addRun('my-project-alice', { name: 'vscode-service', kind: 'service', status: 'stopped' });
    const restart = await call(fake, 'POST', `${RUNS}/${run.uuid}/restart`);
    assert.strictEqual(restart.status, 201);
    assert.notStrictEqual(restart.json.uuid, run.uuid);
    const clone = (await call(fake, 'GET', `${RUNS}/${restart.json.uuid}`)).json;
    assert.deepStrictEqual(clone.original, { uuid: run.uuid, name: 'vscode-service', kind: 'restart' });
    assert.strictEqual(clone.status, 'queued');
    const del = await call(fake, 'DELETE', `${RUNS}/${run.uuid}`);
    assert.deepStrictEqual([del.status, del.text], [204, '']);
    const gone = await call(fake, 'GET', `${RUNS}/${run.uuid}`);
    assert.deepStrictEqual([gone.status, gone.json], [404, { detail: 'Not found.' }]);
    assert.strictEqual(fake.getRun('my-project-alice', run.uuid), undefined);
  });

  it("merges the operation's runPatch into the compiled run's container resources, and a restart keeps it", async () => {
    const body = operationBody(
      {},
      { container: { image: 'img:1', resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2' } } } },
    );
    const op = JSON.parse(body.content);
    op.runPatch = { container: { resources: { requests: { cpu: '3', memory: '6Gi' }, limits: { cpu: '3', memory: '6Gi' } } } };
    const created = await call(fake, 'POST', RUNS, { ...body, content: JSON.stringify(op) });
    const resources = async (uuid: string) =>
      JSON.parse((await call(fake, 'GET', `${RUNS}/${uuid}`)).json.content as string).run.container.resources as unknown;
    const expected = { requests: { cpu: 3, memory: '6Gi' }, limits: { cpu: 3, memory: '6Gi' } };
    assert.deepStrictEqual(await resources(created.json.uuid as string), expected);
    const restart = await call(fake, 'POST', `${RUNS}/${created.json.uuid}/restart`);
    assert.deepStrictEqual(await resources(restart.json.uuid as string), expected);
  });

  it('simulates unschedulable, failing, warning and stuck runs from param markers', async () => {
    const launch = async (value: string) => (await call(fake, 'POST', RUNS, operationBody({ DOCKER_IMAGE: value }))).json.uuid as string;
    const unschedulable = await launch('img __unschedulable__');
    const failing = await launch('img:__fail__');
    const warning = await launch('__warning__');
    const stuck = await launch('__stuck__');
    await waitFor('unschedulable', async () => (await statusOf(unschedulable)) === 'unschedulable');
    await waitFor('failed', async () => (await statusOf(failing)) === 'failed');
    await waitFor('warning', async () => (await statusOf(warning)) === 'warning');
    assert.ok((await types(failing)).includes('starting'));
    const lastUnschedulable = (await call(fake, 'GET', `${RUNS}/${unschedulable}/statuses`)).json.status_conditions.at(-1);
    assert.match(lastUnschedulable.message, /0\/3 nodes are available/);
    assert.strictEqual(await statusOf(stuck), 'queued');
  });

  it('fails at compile (201, status failed) for unknown params or connections, as recorded', async () => {
    const param = await call(fake, 'POST', RUNS, operationBody({ NOT_AN_INPUT: 'x' }));
    assert.strictEqual(param.status, 201);
    const statuses = (await call(fake, 'GET', `${RUNS}/${param.json.uuid}/statuses`)).json;
    assert.strictEqual(statuses.status, 'failed');
    assert.strictEqual(
      statuses.status_conditions[1].message,
      "Failed to compile.\nCompilation Error: Received unexpected params `{'NOT_AN_INPUT'}`",
    );
    const connection = await call(fake, 'POST', RUNS, operationBody({}, { connections: ['nope'] }));
    assert.strictEqual((await call(fake, 'GET', `${RUNS}/${connection.json.uuid}`)).json.status, 'failed');
  });

  it('rejects what is not an operation with the recorded 400 bodies', async () => {
    const cases: [unknown, unknown][] = [
      [undefined, { non_field_errors: ['Run expects a `content`.'] }],
      [{ is_managed: true }, { non_field_errors: ['Run expects a `content`.'] }],
      [{ content: { kind: 'operation' } }, { content: ['Not a valid string.'] }],
      [{ content: 'just some text' }, ['Cannot read config_value: `just some text`']],
      [
        { content: 'version: 1.1\nkind: component\nrun: {kind: service}\n' },
        ['The specification used `OperationSpecification` is incompatible with the kind `component`.'],
      ],
    ];
    for (const [body, expected] of cases) {
      const answer = await call(fake, 'POST', RUNS, body);
      assert.deepStrictEqual([answer.status, answer.json], [400, expected], JSON.stringify(body));
    }
    const yaml = await call(fake, 'POST', RUNS, { content: 'kind: operation\ncomponent: [unclosed\n  run: {' });
    assert.strictEqual(yaml.status, 400);
    assert.match(yaml.json[0], /^Received non valid yaml: /);
  });

  it("accepts the operator's status posts and answers GET namespace", async () => {
    await fake.close();
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
    const run = fake.addRun('my-project-alice', { name: 'vscode-service', kind: 'service', status: 'queued' });
    const post = await call(fake, 'POST', `${RUNS}/${run.uuid}/statuses`, {
      condition: {
        type: 'Starting',
        status: 'True',
        reason: 'OperatorController',
        message: 'Operation is starting',
        last_transition_time: '2026-11-27T12:18:25.000Z',
      },
    });
    assert.deepStrictEqual([post.status, post.json], [201, { status: null, status_conditions: null }]);
    const detail = (await call(fake, 'GET', `${RUNS}/${run.uuid}`)).json;
    assert.strictEqual(detail.status, 'starting');
    assert.ok(detail.started_at);
    assert.deepStrictEqual((await call(fake, 'GET', `${RUNS}/${run.uuid}/namespace`)).json, { namespace: 'polyaxon-v1' });
    await new Promise((r) => setTimeout(r, 100));
    assert.strictEqual(fake.getRun('my-project-alice', run.uuid)?.status, 'starting', 'operator: false leaves runs alone');
  });

  it('serves installation, healthz and 404s like CE', async () => {
    assert.deepStrictEqual(Object.keys((await call(fake, 'GET', '/api/v1/installation/')).json), ['key', 'version', 'dist']);
    const health = await call(fake, 'GET', '/healthz');
    assert.deepStrictEqual([health.status, health.text, health.headers.get('content-type')], [200, '', null]);
    assert.strictEqual((await call(fake, 'GET', '/healthz/')).text, 'healthy');
    assert.deepStrictEqual((await call(fake, 'GET', '/api/v1/default/nope/runs')).json, { detail: 'Not found.' });
    const users = await call(fake, 'GET', '/api/v1/users');
    assert.deepStrictEqual([users.status, users.text], [404, '']);
    const duplicate = await call(fake, 'POST', '/api/v1/default/projects/create', { name: 'my-project-alice' });
    assert.deepStrictEqual([duplicate.status, duplicate.json], [400, { name: ['project with this name already exists.'] }]);
  });
});

describe('fake Polyaxon: v2 (as recorded from haupt 2.5.2 with its agent)', () => {
  let fake: FakePolyaxon;
  beforeEach(async () => {
    fake = await startFakePolyaxon({ seed: 'empty', operator: FAST, polyaxonVersion: 'v2' });
    fake.addProject('my-project-alice');
  });
  afterEach(() => fake.close());

  it('reports 2.5.2 with mode, has no /api/v1/version, and tells services their /{port} base URL', async () => {
    assert.deepStrictEqual(Object.keys((await call(fake, 'GET', '/api/v1/installation')).json), ['key', 'version', 'dist', 'mode']);
    assert.strictEqual((await call(fake, 'GET', '/api/v1/installation')).json.version, '2.5.2');
    assert.strictEqual((await call(fake, 'GET', '/api/v1/version')).status, 404);
    const body = operationBody({}, { rewritePath: false, container: { image: 'x', args: ['--base={{globals.base_url}}'] } });
    const created = await call(fake, 'POST', RUNS, body);
    assert.deepStrictEqual([created.json.meta_info, created.json.managed_by], [{ ports: [8080] }, 'agent']);
    assert.match(
      JSON.parse(created.json.content).run.container.args[0],
      /^--base=\/services\/v1\/polyaxon\/default\/my-project-alice\/runs\/[0-9a-f]{32}\/8080$/,
    );
  });

  it('has the agent schedule a queued run, then the operator start it; every condition says `status: true`', async () => {
    const { uuid } = (await call(fake, 'POST', RUNS, operationBody({}))).json;
    await waitFor('running', async () => (await call(fake, 'GET', `${RUNS}/${uuid}`)).json.status === 'running');
    const conditions = (await call(fake, 'GET', `${RUNS}/${uuid}/statuses`)).json.status_conditions as Record<string, unknown>[];
    assert.deepStrictEqual(
      conditions.map((c) => [c.type, c.reason, c.status]),
      [
        ['created', 'OperationServiceInit', true],
        ['compiled', 'SchedulerPrepare', true],
        ['queued', 'SchedulerStart', true],
        ['scheduled', 'AgentController', true],
        ['starting', 'OperatorController', true],
        ['running', 'OperatorController', true],
      ],
    );
  });

  it('deletes softly: 204, then the run reads 200 with live_state -1, its statuses 404, lists and its service drop it', async () => {
    const { uuid } = (await call(fake, 'POST', RUNS, operationBody({}))).json;
    await waitFor('running', async () => (await call(fake, 'GET', `${RUNS}/${uuid}`)).json.status === 'running');
    const service = `/rewrite-services/v1/polyaxon/default/my-project-alice/runs/${uuid}/8080/`;
    assert.strictEqual((await call(fake, 'GET', service)).status, 200);
    assert.strictEqual((await call(fake, 'DELETE', `${RUNS}/${uuid}`)).status, 204);
    const after = await call(fake, 'GET', `${RUNS}/${uuid}`);
    assert.deepStrictEqual([after.status, after.json.live_state], [200, -1]);
    assert.deepStrictEqual((await call(fake, 'GET', `${RUNS}/${uuid}/statuses`)).json, { detail: 'Not found.' });
    assert.strictEqual((await call(fake, 'GET', RUNS)).json.count, 0);
    assert.strictEqual((await call(fake, 'GET', service)).status, 502);
    assert.strictEqual((await call(fake, 'DELETE', `${RUNS}/${uuid}`)).status, 204, 'a second delete is 204 again');
    // The agent's next state call stops a deleted run that was not done, without a condition.
    await waitFor('stopped', async () => (await call(fake, 'GET', `${RUNS}/${uuid}`)).json.status === 'stopped');
    assert.strictEqual(fake.getRun('my-project-alice', uuid)?.finished_at, null);
  });
});
