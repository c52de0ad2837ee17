import * as assert from 'assert';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { call, RUNS } from './helpers';

describe('fake Polyaxon: runs query, sort and paging', () => {
  let fake: FakePolyaxon;
  const names = (a: { json: { results: { name: string }[] } }) => a.json.results.map((r) => r.name);

  before(async () => {
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
    fake.addProject('my-project-alice');
    fake.addRun('my-project-alice', { name: 'vscode-a', kind: 'service', status: 'running' });
    fake.addRun('my-project-alice', { name: 'jupyter-b', kind: 'service', status: 'queued' });
    fake.addRun('my-project-alice', { name: 'vscode-c', kind: 'service', status: 'stopped' });
    fake.addRun('my-project-alice', { name: 'process-data', kind: 'job', status: 'succeeded' });
  });
  after(() => fake.close());

  it('filters by kind, status lists, negation and name search (comma = AND)', async () => {
    assert.deepStrictEqual(names(await call(fake, 'GET', `${RUNS}?query=kind:service&sort=created_at`)), [
      'vscode-a',
      'jupyter-b',
      'vscode-c',
    ]);
    assert.deepStrictEqual(names(await call(fake, 'GET', `${RUNS}?query=kind:service,status:running|queued&sort=created_at`)), [
      'vscode-a',
      'jupyter-b',
    ]);
    assert.deepStrictEqual(
      names(await call(fake, 'GET', `${RUNS}?query=kind:service,status:~succeeded|failed|stopped|skipped|upstream_failed&sort=created_at`)),
      ['vscode-a', 'jupyter-b'],
    );
    assert.deepStrictEqual(names(await call(fake, 'GET', `${RUNS}?query=name:vscode%25&sort=created_at`)), ['vscode-a', 'vscode-c']);
    assert.deepStrictEqual(names(await call(fake, 'GET', `${RUNS}?query=kind:~service`)), ['process-data']);
    assert.deepStrictEqual(names(await call(fake, 'GET', `${RUNS}?query=status:notastatus`)), []);
  });

  it('answers 400 with the recorded messages for an unknown field or a malformed expression', async () => {
    const field = await call(fake, 'GET', `${RUNS}?query=foo:bar`);
    assert.strictEqual(field.status, 400);
    assert.deepStrictEqual(field.json, ['Error applying or resolving queryset, key `foo` is not supported by the query manager `run`.']);
    const syntax = await call(fake, 'GET', `${RUNS}?query=kind`);
    assert.strictEqual(syntax.status, 400);
    assert.deepStrictEqual(syntax.json, [
      'Error applying or resolving queryset, Expression is not valid, it must be formatted as name:operation, Expression: kind',
    ]);
  });

  it('sorts by created_at both ways, ignores unknown sort fields, defaults to -updated_at', async () => {
    assert.deepStrictEqual(names(await call(fake, 'GET', `${RUNS}?sort=-created_at`)), [
      'process-data',
      'vscode-c',
      'jupyter-b',
      'vscode-a',
    ]);
    assert.deepStrictEqual(names(await call(fake, 'GET', `${RUNS}?sort=created_at`)), [
      'vscode-a',
      'jupyter-b',
      'vscode-c',
      'process-data',
    ]);
    assert.deepStrictEqual(names(await call(fake, 'GET', `${RUNS}?sort=nope`)), names(await call(fake, 'GET', RUNS)));
    const queued = fake.addRun('my-project-alice', { name: 'late', kind: 'job', status: 'queued' });
    fake.setStatus('my-project-alice', queued.uuid, 'failed');
    assert.strictEqual(names(await call(fake, 'GET', RUNS))[0], 'late');
  });

  it('pages with limit/offset and absolute next/previous built from the Host header', async () => {
    const first = await call(fake, 'GET', `${RUNS}?limit=2&query=kind:service`);
    assert.strictEqual(first.json.count, 3);
    assert.strictEqual(first.json.previous, null);
    assert.strictEqual(first.json.next, `${fake.url}${RUNS}?limit=2&offset=2&query=kind%3Aservice`);
    const second = await call(fake, 'GET', `${RUNS}?limit=1&offset=2`);
    assert.strictEqual(second.json.previous, `${fake.url}${RUNS}?limit=1&offset=1`);
    const back = await call(fake, 'GET', `${RUNS}?limit=1&offset=1`);
    assert.strictEqual(back.json.previous, `${fake.url}${RUNS}?limit=1`);
    const all = await call(fake, 'GET', `${RUNS}?no_page=true`);
    assert.deepStrictEqual([all.json.count, all.json.next, all.json.previous], [null, null, null]);
    assert.strictEqual(all.json.results.length, 5);
  });

  it('uses a default limit of 20 and caps limit at 100', async () => {
    for (let i = 0; i < 105; i++) fake.addRun('my-project-alice', { name: `bulk-${i}`, kind: 'job', status: 'succeeded' });
    assert.strictEqual((await call(fake, 'GET', RUNS)).json.results.length, 20);
    assert.strictEqual((await call(fake, 'GET', `${RUNS}?limit=500`)).json.results.length, 100);
  });

  it('lists list-item fields only, and project names', async () => {
    const item = (await call(fake, 'GET', `${RUNS}?limit=1`)).json.results[0];
    for (const absent of ['project', 'description', 'content', 'raw_content']) assert.ok(!(absent in item), absent);
    const projects = await call(fake, 'GET', '/api/v1/default/projects/names');
    assert.deepStrictEqual(projects.json.results, [{ name: 'my-project-alice' }]);
  });
});
