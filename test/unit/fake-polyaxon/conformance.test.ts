// Replays the recordings of a real Polyaxon CE v1.11.3 server against the fake, in the order they were made,
// and checks the same status codes and the same JSON key sets (values such as uuids and times are ignored).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { SHARED_POLYAXON } from '../sharedFacts';

const RECORDED = path.join(SHARED_POLYAXON, 'recorded');

interface Recording {
  request: { method: string; path: string; headers: Record<string, string>; body?: unknown; body_raw?: string };
  response: { status: number; body_is_json: boolean; body: unknown };
}

/** The key structure of a JSON value; strings holding JSON objects (run `content`) are compared by their keys too. */
function shape(value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      return { json: shape(JSON.parse(value)) };
    } catch {
      return 'string';
    }
  }
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shape((value as Record<string, unknown>)[k])]));
  }
  return value === null ? null : 'scalar';
}

/** Like shape(), but null and scalars match anything of the other side: only keys and lengths must agree. */
function assertSameKeys(actual: unknown, expected: unknown, where: string): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: expected a list, got ${JSON.stringify(actual)}`);
    assert.strictEqual(actual.length, expected.length, `${where}: list length`);
    expected.forEach((e, i) => assertSameKeys(actual[i], e, `${where}[${i}]`));
  } else if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
    assert.deepStrictEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${where}: keys`);
    for (const k of Object.keys(expected)) {
      assertSameKeys((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${where}.${k}`);
    }
  }
}

describe('fake Polyaxon conformance with the CE v1.11.3 recordings', function () {
  let fake: FakePolyaxon;
  const uuids = new Map<string, string>(); // recorded uuid → the fake's

  before(async function () {
    if (!fs.existsSync(path.join(RECORDED, '_index.json'))) {
      console.log(`    skipped: ${RECORDED} is not available`);
      this.skip();
    }
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
  });

  after(async () => {
    await fake?.close();
  });

  const index: { file: string }[] = fs.existsSync(path.join(RECORDED, '_index.json'))
    ? JSON.parse(fs.readFileSync(path.join(RECORDED, '_index.json'), 'utf8'))
    : [];

  for (const { file } of index) {
    it(file, async function () {
      const full = path.join(RECORDED, file);
      if (!fs.existsSync(full)) {
        console.log(`      skipped: ${file} is listed in _index.json but not recorded`);
        this.skip();
      }
      const rec = JSON.parse(fs.readFileSync(full, 'utf8')) as Recording;
      let requestPath = rec.request.path;
      for (const [recorded, ours] of uuids) requestPath = requestPath.split(recorded).join(ours);
      const body = rec.request.body_raw ?? (rec.request.body === undefined || rec.request.body === null ? undefined : JSON.stringify(rec.request.body));
      const res = await fetch(`${fake.url}${requestPath}`, { method: rec.request.method, headers: rec.request.headers, body });
      const text = await res.text();
      assert.strictEqual(res.status, rec.response.status, `${file}: status (body ${text.slice(0, 300)})`);
      if (!rec.response.body_is_json || rec.response.body === null) {
        if (rec.response.body === null) assert.strictEqual(text, '', `${file}: empty body`);
        return;
      }
      const actual = JSON.parse(text) as unknown;
      const expected = rec.response.body as Record<string, unknown>;
      if (rec.request.method === 'POST' && /\/runs\/?$/.test(rec.request.path) && res.status === 201) {
        uuids.set(String(expected.uuid), String((actual as Record<string, unknown>).uuid));
      }
      assertSameKeys(shape(actual), shape(expected), file);
    });
  }
});
