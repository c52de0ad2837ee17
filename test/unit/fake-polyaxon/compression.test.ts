// The fake compresses like CE v1.11.3 (recorded/README.md, "Transport facts"): list answers are gzipped whenever that
// makes them smaller, even when the request asks for no compression; small lists and detail answers stay plain.
import * as assert from 'assert';
import * as http from 'http';
import { gunzipSync } from 'zlib';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';

interface RawAnswer {
  status: number;
  encoding?: string;
  raw: Buffer;
}

/** node:http adds no Accept-Encoding of its own, unlike fetch and axios. */
function rawGet(fake: FakePolyaxon, path: string, headers: http.OutgoingHttpHeaders = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${fake.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], raw: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('fake Polyaxon compression', function () {
  let fake: FakePolyaxon;
  const RUNS = '/api/v1/default/busy/runs';

  before(async () => {
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
    for (let i = 0; i < 4; i++) fake.addRun('busy', { kind: 'service', name: `svc-${i}` });
    fake.addProject('idle');
  });
  after(() => fake.close());

  it('gzips a runs list without Accept-Encoding, and with Accept-Encoding: identity', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      const answer = await rawGet(fake, RUNS, headers);
      assert.strictEqual(answer.status, 200);
      assert.strictEqual(answer.encoding, 'gzip', JSON.stringify(headers));
      const page = JSON.parse(gunzipSync(answer.raw).toString('utf8'));
      assert.strictEqual(page.count, 4);
      assert.deepStrictEqual(page.results.map((r: { name: string }) => r.name).sort(), ['svc-0', 'svc-1', 'svc-2', 'svc-3']);
    }
  });

  it('gzips the projects list too', async () => {
    const answer = await rawGet(fake, '/api/v1/default/projects/list');
    assert.strictEqual(answer.encoding, 'gzip');
    const names = JSON.parse(gunzipSync(answer.raw).toString('utf8')).results.map((p: { name: string }) => p.name);
    assert.deepStrictEqual(names.sort(), ['busy', 'idle']);
  });

  it('keeps a small list plain, where gzip would not make it smaller', async () => {
    const answer = await rawGet(fake, '/api/v1/default/idle/runs');
    assert.strictEqual(answer.encoding, undefined);
    assert.deepStrictEqual(JSON.parse(answer.raw.toString('utf8')), { count: 0, next: null, previous: null, results: [] });
  });

  it('never gzips detail answers, even when the request accepts gzip', async () => {
    const list = JSON.parse(gunzipSync((await rawGet(fake, RUNS)).raw).toString('utf8'));
    const uuid = list.results[0].uuid as string;
    for (const path of ['/api/v1/installation', `${RUNS}/${uuid}`, `${RUNS}/${uuid}/statuses`]) {
      const answer = await rawGet(fake, path, { 'accept-encoding': 'gzip' });
      assert.strictEqual(answer.status, 200, path);
      assert.strictEqual(answer.encoding, undefined, path);
      assert.ok(JSON.parse(answer.raw.toString('utf8')), path);
    }
  });

  it('records the encoding of each answer', async () => {
    fake.requests.length = 0;
    await rawGet(fake, RUNS);
    await rawGet(fake, '/api/v1/installation');
    assert.deepStrictEqual(
      fake.requests.map((r) => [r.path, r.answerEncoding]),
      [
        [RUNS, 'gzip'],
        ['/api/v1/installation', undefined],
      ],
    );
  });
});
