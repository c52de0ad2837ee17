// The client against the Polyaxon-compatible fake server: real HTTP, no axios mocks.
import * as assert from 'assert';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import type { RequestLogEntry } from '../../../src/polyaxon/transport';
import { serviceUrl } from '../../../src/polyaxon/urls';
import { isV2 } from '../../../src/polyaxon/version';
import { clearFaults, closedPort, rejectsWith, vscodeOperation } from './helpers';

const owner = 'default';

describe('PolyaxonClient against the fake Polyaxon', function () {
  let fake: FakePolyaxon;
  let client: PolyaxonClient;
  let log: RequestLogEntry[];

  before(async () => {
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
  });
  after(() => fake.close());
  beforeEach(() => {
    clearFaults(fake);
    fake.requests.length = 0;
    log = [];
    client = new PolyaxonClient({ host: `${fake.url}/`, onRequest: (e) => log.push(e) });
  });

  it('normalises the host', () => {
    assert.strictEqual(client.host, fake.url);
  });

  it('getInstallation gives version and dist', async () => {
    const inst = await client.getInstallation();
    assert.strictEqual(inst.version, '1.11.3');
    assert.strictEqual(inst.dist, 'ce');
  });

  it('sends no Authorization header without a token, `Token <token>` with one', async () => {
    await client.getInstallation();
    assert.strictEqual(fake.requests[0].headers.authorization, undefined);
    const withToken = new PolyaxonClient({ host: fake.url, token: 's3cret', onRequest: (e) => log.push(e) });
    await withToken.getInstallation();
    assert.strictEqual(fake.requests[1].headers.authorization, 'Token s3cret');
    assert.ok(log.length > 0, 'the token-bearing request was logged');
    assert.ok(
      log.every((e) => !JSON.stringify(e).includes('s3cret')),
      'the request log never holds the token',
    );
  });

  describe('projects', () => {
    it('creates, gets and lists projects', async () => {
      const created = await client.createProject(owner, { name: 'proj-a', description: 'A' });
      assert.strictEqual(created.name, 'proj-a');
      assert.match(created.uuid, /^[0-9a-f]{32}$/);
      const got = await client.getProject({ owner, project: 'proj-a' });
      assert.strictEqual(got.uuid, created.uuid);
      const page = await client.listProjects(owner, { limit: 100 });
      assert.ok(page.results.length > 0);
      assert.ok(page.results.some((p) => p.name === 'proj-a'));
      assert.strictEqual(fake.requests.at(-1)?.path, '/api/v1/default/projects/list?limit=100');
    });

    it('reports a taken project name as a validation error with the DRF message', async () => {
      fake.addProject('taken');
      const err = await rejectsWith(() => client.createProject(owner, { name: 'taken' }), 'validation');
      assert.strictEqual(err.status, 400);
      assert.ok(err.details.length > 0);
      assert.ok(
        err.details.every((d) => err.message.includes(d)),
        err.message,
      );
      assert.ok(err.message.includes(fake.url));
    });

    it('reports a missing project as projectNotFound, pointing to Select Project', async () => {
      for (const call of [
        () => client.getProject({ owner, project: 'no-such-project' }),
        () => client.listRuns({ owner, project: 'no-such-project' }),
        () => client.createRun({ owner, project: 'no-such-project' }, { content: vscodeOperation(), is_managed: true }),
      ]) {
        const err = await rejectsWith(call, 'projectNotFound');
        assert.strictEqual(err.status, 404);
        assert.match(
          err.message,
          /"default\/no-such-project" does not exist on Polyaxon at http:\/\/127\.0\.0\.1:\d+\. .*Polyaxon: Select Project…/,
        );
      }
    });
  });

  describe('runs', () => {
    const ref = { owner, project: 'runs-proj' };
    before(() => {
      fake.addProject(ref.project);
    });

    it('creates a run (201, partial run) and reads it back, its statuses and namespace', async () => {
      const created = await client.createRun(ref, { content: vscodeOperation(), is_managed: true });
      assert.match(created.uuid, /^[0-9a-f]{32}$/);
      assert.strictEqual(created.name, 'vscode-service');
      const post = fake.requests.find((r) => r.method === 'POST');
      assert.deepStrictEqual(post?.body, { content: vscodeOperation(), is_managed: true });
      assert.strictEqual(log.at(-1)?.status, 201);

      const runRef = { ...ref, uuid: created.uuid };
      const run = await client.getRun(runRef);
      assert.strictEqual(run.kind, 'service');
      assert.ok(run.settings?.namespace);
      const statuses = await client.getStatuses(runRef);
      assert.strictEqual(statuses.uuid, created.uuid);
      assert.ok(statuses.status_conditions.length > 0);
      assert.strictEqual(statuses.status_conditions[0].type, 'created');
      assert.strictEqual(await client.getNamespace(runRef), run.settings?.namespace);
    });

    it('lists runs with query, sort and limit in the query string', async () => {
      fake.addRun(ref.project, { kind: 'service', name: 'listed' });
      const page = await client.listRuns(ref, { query: 'kind:service', sort: '-created_at', limit: 20 });
      assert.ok(page.results.length > 0);
      assert.ok(page.results.some((r) => r.name === 'listed'));
      assert.ok(page.results.every((r) => r.kind === 'service'));
      const url = new URL(fake.requests[0].path, fake.url);
      assert.strictEqual(url.pathname, '/api/v1/default/runs-proj/runs');
      assert.deepStrictEqual(Object.fromEntries(url.searchParams), { query: 'kind:service', sort: '-created_at', limit: '20' });
    });

    it('reads a page that the server compressed with gzip', async () => {
      const paged = { owner, project: 'paged' };
      fake.addProject(paged.project);
      for (let i = 0; i < 5; i++) fake.addRun(paged.project, { kind: 'service', name: `svc-${i}` });
      const page = await client.listRuns(paged, { limit: 2, offset: 2 });
      assert.strictEqual(new Set(page.results.map((r) => r.name)).size, 2);
      assert.ok(page.next, 'a next page is announced');
      // A page of 2 runs compresses, as on the real server: the client read it through gzip.
      assert.strictEqual(fake.requests.at(-1)?.answerEncoding, 'gzip');
    });

    it('stops, restarts and deletes a run', async () => {
      const run = fake.addRun(ref.project, { kind: 'service', name: 'to-stop' });
      const runRef = { ...ref, uuid: run.uuid };
      fake.setStatus(ref.project, run.uuid, 'running');
      await client.stopRun(runRef);
      assert.strictEqual((await client.getRun(runRef)).status, 'stopping');

      const restarted = await client.restartRun(runRef, { name: 'restarted' });
      assert.notStrictEqual(restarted.uuid, run.uuid);
      assert.deepStrictEqual(fake.requests.find((r) => r.path.endsWith('/restart'))?.body, { name: 'restarted' });

      await client.deleteRun(runRef);
      assert.strictEqual(log.find((e) => e.method === 'DELETE')?.status, 204);
      const err = await rejectsWith(() => client.getRun(runRef), 'notFound');
      assert.match(err.message, new RegExp(`Run ${run.uuid} was not found in "default/runs-proj"`));
    });

    it('reports a missing run as notFound on every run call', async () => {
      const missing = { ...ref, uuid: '0123456789abcdef0123456789abcdef' };
      for (const call of [
        () => client.getRun(missing),
        () => client.stopRun(missing),
        () => client.deleteRun(missing),
        () => client.restartRun(missing),
        () => client.getStatuses(missing),
        () => client.getNamespace(missing),
      ]) {
        const err = await rejectsWith(call, 'notFound');
        assert.strictEqual(err.status, 404);
      }
    });

    it('gets live logs with last_time and archived logs without', async () => {
      const run = fake.addRun(ref.project, { kind: 'service', name: 'vscode-service', tags: ['vscode'] });
      fake.setStatus(ref.project, run.uuid, 'running');
      const target = { ...ref, uuid: run.uuid, namespace: run.settings?.namespace ?? 'polyaxon' };
      const live = await client.getLogs(target, { lastTime: '2000-01-01T00:00:00+00:00' });
      assert.ok(Array.isArray(live.logs));
      assert.ok(live.last_time, 'live mode answers a last_time');
      const path = fake.requests.at(-1)?.path ?? '';
      assert.match(path, new RegExp(`^/streams/v1/${target.namespace}/default/runs-proj/runs/${run.uuid}/logs\\?last_time=`));

      fake.setStatus(ref.project, run.uuid, 'stopped');
      const archived = await client.getLogs(target, {});
      assert.ok(Array.isArray(archived.logs));
      assert.strictEqual(archived.last_time, null);
    });
  });

  describe('failures', () => {
    const ref = { owner, project: 'faults' };
    before(() => {
      fake.addProject(ref.project);
    });

    it('refused connection → unreachable, with the port-forward hint', async () => {
      const host = `http://127.0.0.1:${await closedPort()}`;
      const err = await rejectsWith(() => new PolyaxonClient({ host }).getInstallation(), 'unreachable');
      assert.strictEqual(
        err.message,
        `Could not check the Polyaxon version: Cannot reach Polyaxon at ${host} (connection refused). Is 'polyaxon port-forward' (or 'kubectl port-forward svc/polyaxon-polyaxon-gateway') running?`,
      );
    });

    it('connection reset → unreachable, naming the reset', async () => {
      Object.assign(fake.faults, { reset: true });
      const err = await rejectsWith(() => client.getInstallation(), 'unreachable');
      assert.match(err.message, /connection reset/);
    });

    it('an HTML page → notPolyaxon', async () => {
      Object.assign(fake.faults, { html: true });
      const err = await rejectsWith(() => client.listProjects(owner), 'notPolyaxon');
      assert.match(
        err.message,
        /answered GET \/api\/v1\/default\/projects\/list with an HTML page, not the Polyaxon API\. Check the host: it should be the Polyaxon gateway/,
      );
    });

    it('truncated JSON → badResponse', async () => {
      Object.assign(fake.faults, { truncatedJson: true });
      const err = await rejectsWith(() => client.listRuns(ref), 'badResponse');
      assert.ok(err.message.includes(fake.url));
    });

    it('401 and 403 → unauthorized / forbidden, pointing to Configure Connection', async () => {
      for (const [status, kind] of [
        [401, 'unauthorized'],
        [403, 'forbidden'],
      ] as const) {
        Object.assign(fake.faults, { status });
        const err = await rejectsWith(() => new PolyaxonClient({ host: fake.url, token: 'bad' }).getProject({ ...ref }), kind);
        assert.strictEqual(err.status, status);
        assert.match(err.message, /the server rejected the token; set a valid one with Polyaxon: Configure Connection…/);
      }
    });

    it('5xx → server, with the status line', async () => {
      for (const status of [500, 502, 503]) {
        Object.assign(fake.faults, { status });
        const err = await rejectsWith(() => client.getInstallation(), 'server');
        assert.strictEqual(err.status, status);
      }
      Object.assign(fake.faults, { status: 502 });
      const err = await rejectsWith(() => client.getInstallation(), 'server');
      assert.match(
        err.message,
        new RegExp(`^Could not check the Polyaxon version: Polyaxon at ${fake.url} answered 502 Bad Gateway to GET /api/v1/installation`),
      );
    });

    it('faults only hit the matching paths and only `count` times', async () => {
      Object.assign(fake.faults, { status: 500, match: /\/runs/, count: 1 });
      await client.getInstallation();
      await rejectsWith(() => client.listRuns(ref), 'server');
      await client.listRuns(ref);
    });

    it('no answer within timeoutMs → timeout, naming the limit', async () => {
      Object.assign(fake.faults, { hang: true });
      const quick = new PolyaxonClient({ host: fake.url, timeoutMs: 200, onRequest: (e) => log.push(e) });
      const started = Date.now();
      const err = await rejectsWith(() => quick.getInstallation(), 'timeout');
      assert.ok(Date.now() - started < 2000);
      assert.match(err.message, /no answer within 0\.2 s/);
      assert.strictEqual(log.length, 1);
      assert.strictEqual(log[0].status, undefined);
      assert.ok(log[0].error?.includes('no answer'));
    });

    it('the timeout applies to every call', async () => {
      Object.assign(fake.faults, { hang: true });
      const quick = new PolyaxonClient({ host: fake.url, timeoutMs: 100 });
      const runRef = { ...ref, uuid: '0123456789abcdef0123456789abcdef' };
      await rejectsWith(() => quick.createRun(ref, { content: vscodeOperation(), is_managed: true }), 'timeout');
      await rejectsWith(() => quick.stopRun(runRef), 'timeout');
      await rejectsWith(() => quick.getLogs({ ...runRef, namespace: 'polyaxon' }, { lastTime: '2000-01-01T00:00:00Z' }), 'timeout');
    });

    it('an aborted signal → cancelled, before or during the request', async () => {
      Object.assign(fake.faults, { hang: true });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const err = await rejectsWith(
        () => client.getRun({ ...ref, uuid: '0123456789abcdef0123456789abcdef' }, controller.signal),
        'cancelled',
      );
      assert.ok(err.message.includes(fake.url));
      await rejectsWith(() => client.getInstallation(controller.signal), 'cancelled');
      assert.strictEqual(log.length, 2, 'onRequest hears of cancelled requests too');
    });

    it('onRequest gets method, path with query, status and time once per request', async () => {
      await client.listRuns(ref, { limit: 1 });
      assert.strictEqual(log.length, 1);
      const [entry] = log;
      assert.strictEqual(entry.method, 'GET');
      assert.strictEqual(entry.path, '/api/v1/default/faults/runs?limit=1');
      assert.strictEqual(entry.status, 200);
      assert.strictEqual(typeof entry.ms, 'number');
      assert.ok(Number.isFinite(entry.ms) && entry.ms < 30_000, `round trip ${entry.ms} ms`);
      assert.strictEqual(entry.error, undefined);
    });
  });

  describe('a v2 server', () => {
    let v2: FakePolyaxon;
    before(async () => {
      v2 = await startFakePolyaxon({ version: '2.13.0', seed: 'empty', operator: false });
      v2.addProject('v2-proj');
    });
    after(() => v2.close());

    it('is detected, takes the managed_by body, and its service URL has the port segment', async () => {
      const c = new PolyaxonClient({ host: v2.url });
      const v2Server = isV2(await c.getInstallation());
      assert.strictEqual(v2Server, true);
      const ref = { owner, project: 'v2-proj' };
      const created = await c.createRun(ref, { content: vscodeOperation(), managed_by: 'agent' });
      assert.deepStrictEqual(v2.requests.find((r) => r.method === 'POST')?.body, { content: vscodeOperation(), managed_by: 'agent' });
      const runRef = { ...ref, uuid: created.uuid };
      const run = await c.getRun(runRef);
      assert.ok(serviceUrl(c.host, runRef, run, { v2: true }).endsWith(`/runs/${created.uuid}/8080/`));
    });
  });
});
