import * as assert from 'assert';
import { ARCHIVE_CHUNK } from '../../fake-polyaxon/logs';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { call, waitFor } from './helpers';

const LOGS = (uuid: string) => `/streams/v1/polyaxon-v1/default/my-project-alice/runs/${uuid}/logs`;

describe('fake Polyaxon: streams logs', () => {
  let fake: FakePolyaxon;
  beforeEach(async () => {
    fake = await startFakePolyaxon({ seed: 'empty', operator: { queuedMs: 10, startingMs: 10, stoppingMs: 10 }, logIntervalMs: 20 });
  });
  afterEach(() => fake.close());

  it('live mode returns lines newer than last_time and a new last_time, null once done', async () => {
    const run = fake.addRun('my-project-alice', { name: 'vscode-service', kind: 'service', status: 'running' });
    const first = await call(fake, 'GET', `${LOGS(run.uuid)}?last_time=${encodeURIComponent(run.created_at ?? '')}`);
    assert.strictEqual(first.status, 200);
    assert.ok(first.json.logs.length > 0);
    assert.ok(
      first.json.logs.some((l: { value: string }) => l.value.includes('code-server')),
      'code-server startup lines',
    );
    const line = first.json.logs[0];
    assert.deepStrictEqual(Object.keys(line).sort(), ['container', 'node', 'pod', 'timestamp', 'value']);
    assert.match(line.timestamp, /\+00:00$/);
    assert.ok(line.pod.startsWith(`plx-operation-${run.uuid}-`));
    assert.strictEqual(line.container, 'polyaxon-main');
    assert.match(first.json.last_time, /\+00:00$/);
    await new Promise((r) => setTimeout(r, 100));
    const next = await call(fake, 'GET', `${LOGS(run.uuid)}?last_time=${encodeURIComponent(first.json.last_time)}`);
    assert.ok(next.json.logs.length > 0, 'a running service keeps logging');
    assert.ok(next.json.logs.every((l: { timestamp: string }) => l.timestamp > first.json.last_time));
    fake.setStatus('my-project-alice', run.uuid, 'stopped');
    const done = await call(fake, 'GET', `${LOGS(run.uuid)}?last_time=${encodeURIComponent(next.json.last_time)}`);
    assert.strictEqual(done.json.last_time, null);
  });

  it('archived mode walks the chunks with last_file until it comes back null', async () => {
    const run = fake.addRun('my-project-alice', { name: 'vscode-service', kind: 'service', status: 'running' });
    await waitFor('more than one chunk of logs', async () => {
      const page = await call(fake, 'GET', LOGS(run.uuid));
      return page.json.files.length > 1;
    });
    fake.setStatus('my-project-alice', run.uuid, 'stopped');
    let page = await call(fake, 'GET', LOGS(run.uuid));
    const files: string[] = page.json.files;
    const seen: string[] = [];
    let lines = 0;
    while (page.json.last_file !== null) {
      assert.ok(page.json.logs.length <= ARCHIVE_CHUNK);
      assert.strictEqual(page.json.last_time, null);
      seen.push(page.json.last_file);
      lines += page.json.logs.length;
      page = await call(fake, 'GET', `${LOGS(run.uuid)}?last_file=${encodeURIComponent(page.json.last_file)}`);
    }
    assert.deepStrictEqual(seen, files);
    assert.deepStrictEqual(page.json.logs, []);
    const all = await call(fake, 'GET', `${LOGS(run.uuid)}?last_time=2000-01-01T00:00:00Z`);
    assert.strictEqual(lines, all.json.logs.length);
  });

  it('answers 404 for an unknown run', async () => {
    fake.addProject('my-project-alice');
    assert.strictEqual((await call(fake, 'GET', LOGS('0123456789abcdef0123456789abcdef'))).status, 404);
  });
});
