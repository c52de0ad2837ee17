// A create whose answer is lost on the way back, against the fake Polyaxon: never two services.
import * as assert from 'assert';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { isPolyaxonError } from '../../../src/polyaxon/errors';
import { createOnce } from '../../../src/launch/createOnce';
import { vscodeOperation } from '../polyaxon/helpers';

describe('createOnce', function () {
  this.timeout(20_000);
  let fake: FakePolyaxon;
  const ref = { owner: 'default', project: 'slow' };
  const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/default/slow/runs').length;
  const services = async () => (await new PolyaxonClient({ host: fake.url }).listRuns(ref, { query: 'kind:service' })).results;

  beforeEach(async () => {
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
    fake.addProject(ref.project);
  });
  afterEach(() => fake.close());

  it('adopts the run the server created when the answer was cut off, without a second create', async () => {
    fake.faults = { resetMidBody: true, match: /\/slow\/runs$/, count: 1 };
    const run = await createOnce(new PolyaxonClient({ host: fake.url }), ref, { content: vscodeOperation(), name: 'mine' });
    assert.strictEqual(posts(), 1);
    const listed = await services();
    assert.deepStrictEqual(
      listed.map((r) => r.uuid),
      [run.uuid],
    );
    assert.strictEqual(run.name, 'mine');
  });

  it('does not retry a create that timed out, and says to check before launching again', async () => {
    fake.faults = { latencyMs: 800, match: /\/slow\/runs$/, count: 1 };
    const client = new PolyaxonClient({ host: fake.url, timeoutMs: 200 });
    const error = await createOnce(client, ref, { content: vscodeOperation(), name: 'mine' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(isPolyaxonError(error, 'timeout'), String(error));
    assert.match(
      error.message,
      /^Could not create a run in default\/slow: .* No new service appeared in default\/slow right after it.*check the Services view before launching again\.$/,
    );
    // The slow server creates it after all: one service, from one POST.
    const deadline = Date.now() + 5_000;
    while ((await services()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.strictEqual((await services()).length, 1);
    assert.strictEqual(posts(), 1);
    const lists = fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/default/slow/runs?'));
    assert.ok(lists.length >= 2, 'listed before the create and again after it failed');
  });

  it('passes other failures through unchanged', async () => {
    fake.faults = { status: 403, match: /\/slow\/runs$/, count: 1 };
    const error = await createOnce(new PolyaxonClient({ host: fake.url }), ref, { content: vscodeOperation() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(isPolyaxonError(error, 'forbidden'), String(error));
    assert.strictEqual(posts(), 1);
  });
});
