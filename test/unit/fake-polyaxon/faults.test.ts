import * as assert from 'assert';
import * as http from 'http';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { call } from './helpers';

describe('fake Polyaxon: faults', () => {
  let fake: FakePolyaxon;
  const PROJECTS = '/api/v1/default/projects/list';
  beforeEach(async () => {
    fake = await startFakePolyaxon({ seed: 'demo', operator: false });
  });
  afterEach(() => fake.close());

  it("answers 401/403 with DRF details, 500 with Django's page and 502 with nginx's", async () => {
    fake.faults = { status: 401 };
    assert.deepStrictEqual((await call(fake, 'GET', PROJECTS)).json, { detail: 'Authentication credentials were not provided.' });
    fake.faults = { status: 403 };
    assert.deepStrictEqual((await call(fake, 'GET', PROJECTS)).json, { detail: 'You do not have permission to perform this action.' });
    fake.faults = { status: 500 };
    const e500 = await call(fake, 'GET', PROJECTS);
    assert.deepStrictEqual([e500.status, /Server Error \(500\)/.test(e500.text)], [500, true]);
    fake.faults = { status: 502 };
    const e502 = await call(fake, 'GET', PROJECTS);
    assert.deepStrictEqual(
      [e502.status, e502.headers.get('content-type')?.startsWith('text/html'), /nginx/.test(e502.text)],
      [502, true, true],
    );
  });

  it('applies only to matching paths, only `count` times, and never to /healthz by default', async () => {
    fake.faults = { status: 503, match: /\/runs/, count: 1 };
    assert.strictEqual((await call(fake, 'GET', PROJECTS)).status, 200);
    assert.strictEqual((await call(fake, 'GET', '/api/v1/default/my-project-alice/runs')).status, 503);
    assert.strictEqual((await call(fake, 'GET', '/api/v1/default/my-project-alice/runs')).status, 200);
    fake.faults = { status: 500 };
    assert.strictEqual((await call(fake, 'GET', '/healthz')).status, 200);
  });

  it('adds latency', async () => {
    fake.faults = { latencyMs: 300 };
    const t0 = Date.now();
    assert.strictEqual((await call(fake, 'GET', PROJECTS)).status, 200);
    assert.ok(Date.now() - t0 >= 290);
  });

  it('resets the connection', async () => {
    fake.faults = { reset: true };
    await assert.rejects(call(fake, 'GET', PROJECTS));
  });

  it('answers a 200 HTML login page', async () => {
    fake.faults = { html: true };
    const page = await call(fake, 'GET', PROJECTS);
    assert.deepStrictEqual([page.status, page.headers.get('content-type')?.startsWith('text/html'), page.json], [200, true, undefined]);
  });

  it('truncates the JSON answer', async () => {
    fake.faults = { truncatedJson: true };
    const page = await call(fake, 'GET', PROJECTS);
    assert.strictEqual(page.status, 200);
    assert.strictEqual(page.headers.get('content-type'), 'application/json');
    assert.throws(() => JSON.parse(page.text));
  });

  it('hangs until the client gives up, and close() still returns', async () => {
    fake.faults = { hang: true };
    const timedOut = await new Promise<boolean>((resolve) => {
      const req = http.get(`${fake.url}${PROJECTS}`, () => resolve(false));
      req.setTimeout(200, () => {
        req.destroy();
        resolve(true);
      });
      req.on('error', () => undefined);
    });
    assert.ok(timedOut);
  });

  it('records every request with method, path, headers and body', async () => {
    await fetch(`${fake.url}/api/v1/default/projects/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Token abc' },
      body: JSON.stringify({ name: 'p2' }),
    });
    const last = fake.requests.at(-1)!;
    assert.deepStrictEqual(
      [last.method, last.path, last.headers.authorization, last.body],
      ['POST', '/api/v1/default/projects/create', 'Token abc', { name: 'p2' }],
    );
  });
});
