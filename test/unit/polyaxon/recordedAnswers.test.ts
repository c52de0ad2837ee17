// The product's own client against what real Polyaxon servers answered, CE v1.11.3 (recorded/) and v2 (haupt 2.5.2,
// recorded-v2/): each recorded answer is served as it was (status, content type, body; list answers gzipped as the
// real server does) by a fixed local server, the matching PolyaxonClient call is made, and the test asserts the
// request the client sent, and what it returned or threw.
import * as assert from 'assert';
import * as http from 'http';
import * as zlib from 'zlib';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { PolyaxonError } from '../../../src/polyaxon/errors';
import { pydanticInWords } from '../../../src/polyaxon/pydanticText';
import type { RunStatuses } from '../../../src/polyaxon/types';
import { latestCondition } from '../../../src/polyaxon/conditions';
import { RECORDED, RECORDED_V2, gzipWouldShrink, isListEndpoint, loadRecordings, type Recording } from '../fake-polyaxon/recordings';

type Body = Record<string, unknown>;

/** Serves one recorded answer at a time and remembers the request that reached it. */
class FixedServer {
  answer: Recording | undefined;
  seen: { method: string; path: string; body: string }[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => {
        this.seen.push({ method: req.method ?? '', path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        const rec = this.answer!;
        const text = rec.response.body === null ? '' : JSON.stringify(rec.response.body);
        const gzip = isListEndpoint(rec.request.method, rec.request.path) && gzipWouldShrink(text);
        const bytes = gzip ? zlib.gzipSync(text) : Buffer.from(text);
        const headers: Record<string, string | number> = { 'content-length': bytes.length };
        if (rec.response.headers['content-type']) headers['content-type'] = rec.response.headers['content-type'];
        if (gzip) headers['content-encoding'] = 'gzip';
        res.writeHead(rec.response.status, headers).end(bytes);
      });
  });
  url = '';
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const API = /^\/api\/v1\/([^/?]+)(?:\/([^/?]+))?(?:\/(runs|create|list))?(?:\/([^/?]+?))?(?:\/(stop|statuses|namespace))?\/?(?:\?(.*))?$/;
const STREAMS_LOGS = /^\/streams\/v1\/([^/]+)\/([^/]+)\/([^/]+)\/runs\/([0-9a-f]{32})\/logs$/;

/** The client call that produces the recorded request, or why there is none. */
function clientCall(client: PolyaxonClient, rec: Recording): (() => Promise<unknown>) | string {
  const { method, path: requestPath } = rec.request;
  if (requestPath === '/healthz') return 'the extension does not call /healthz (the gateway answers it, not the API)';
  if (requestPath === '/api/v1/users') return 'the extension does not list users';
  if (requestPath === '/api/v1/installation') return () => client.getInstallation();
  if (/^\/api\/v1\/version\/?$/.test(requestPath)) return 'the extension reads the version from /api/v1/installation';
  if (method === 'HEAD') return 'the extension never sends HEAD';
  if (rec.request.body_raw !== undefined) return 'the extension always sends a JSON body';
  const logs = STREAMS_LOGS.exec(requestPath);
  if (logs) return () => client.getLogs({ namespace: logs[1], owner: logs[2], project: logs[3], uuid: logs[4] }, {});
  if (/\/runs\/[0-9a-f]{32}\/logs$/.test(requestPath)) return 'the extension reads logs from /streams/v1 (v2 does not serve this route)';
  const m = API.exec(requestPath);
  assert.ok(m, `a path the test knows: ${requestPath}`);
  const [, owner, second, collection, uuid, action, search] = m;
  const params = new URLSearchParams(search ?? '');
  const opts = {
    query: params.get('query') ?? undefined,
    sort: params.get('sort') ?? undefined,
    limit: params.has('limit') ? Number(params.get('limit')) : undefined,
    offset: params.has('offset') ? Number(params.get('offset')) : undefined,
  };
  if (params.has('no_page')) return 'the extension never asks for no_page (it pages with limit)';
  if (second === 'projects' && collection === 'create') return () => client.createProject(owner, rec.request.body as { name: string });
  if (second === 'projects' && collection === 'list') return () => client.listProjects(owner, opts);
  const project = { owner, project: second! };
  if (!collection) return () => client.getProject(project);
  if (!uuid) {
    if (method === 'POST') return () => client.createRun(project, (rec.request.body ?? undefined) as never);
    return () => client.listRuns(project, opts);
  }
  const run = { ...project, uuid };
  if (action === 'stop') return () => client.stopRun(run);
  if (action === 'namespace') return () => client.getNamespace(run);
  if (action === 'statuses') return method === 'POST' ? 'only the operator posts statuses' : () => client.getStatuses(run);
  return method === 'DELETE' ? () => client.deleteRun(run) : () => client.getRun(run);
}

/** What the client must give for a 2xx answer: the values the extension goes on to read. */
function assertReturned(rec: Recording, value: unknown): void {
  const body = rec.response.body as Body | null;
  const path = rec.request.path;
  if (rec.request.method === 'DELETE' || path.endsWith('/stop')) {
    assert.strictEqual(value, undefined, 'stop and delete resolve with nothing');
    return;
  }
  assert.ok(body, 'a recorded body');
  const got = value as Body;
  if ('results' in body) {
    const results = body.results as Body[];
    assert.strictEqual((got.results as unknown[]).length, results.length, 'every listed item is returned');
    assert.strictEqual(got.count, body.count);
    assert.deepStrictEqual(
      (got.results as Body[]).map((r) => [r.uuid, r.status ?? null]),
      results.map((r) => [r.uuid, r.status ?? null]),
    );
  } else if (path.endsWith('/namespace')) {
    assert.strictEqual(value, body.namespace);
  } else if (path.endsWith('/statuses')) {
    assert.strictEqual(got.status, body.status);
    const recorded = (body.status_conditions as Body[] | null) ?? [];
    assert.deepStrictEqual(
      (got.status_conditions as Body[]).map((c) => [c.type, c.reason]),
      recorded.map((c) => [c.type, c.reason]),
    );
    // The condition the tree and the launch follower show for the current status.
    const shown = latestCondition(got.status_conditions as RunStatuses['status_conditions'], got.status as string);
    assert.strictEqual(shown?.type, recorded.length ? body.status : undefined);
  } else if (path.includes('/streams/')) {
    assert.deepStrictEqual(got, body, 'every field of the logs answer');
  } else {
    const read = ['uuid', 'name', 'version', 'status', 'kind', 'meta_info', 'is_managed', 'managed_by', 'live_state', 'settings'];
    for (const key of read.filter((k) => k in body)) {
      assert.deepStrictEqual(got[key], body[key], key);
    }
  }
}

/** A v2 GET of a run that is being deleted: 200 with `live_state: -1` (run-get.*.after-delete*.json). */
function isSoftDeleted(rec: Recording): boolean {
  const body = rec.response.body as Body | null;
  return rec.request.method === 'GET' && body !== null && body.live_state === -1;
}

/** Which typed error an error answer must become, and the server's words that must reach the user. */
function assertThrown(rec: Recording, error: unknown): void {
  assert.ok(error instanceof PolyaxonError, `a PolyaxonError, not ${String(error)}`);
  const { status } = rec.response;
  const path = rec.request.path;
  const expected =
    status === 400
      ? 'validation'
      : status === 404 && /^\/api\/v1\/[^/]+\/[^/]+(\/runs)?(\?|$)/.test(path)
        ? 'projectNotFound'
        : status === 404
          ? 'notFound'
          : 'unexpected';
  assert.strictEqual(error.kind, expected, error.message);
  assert.strictEqual(error.status, status);
  const words = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(words) : v && typeof v === 'object' ? Object.values(v).flatMap(words) : [];
  // The server's words reach the user, each capped (at 300 characters) so that a huge answer cannot flood a notification.
  // v2's pydantic texts reach the user in words (pydanticText.ts), naming the same fields.
  for (const said of status === 404 ? [] : words(rec.response.body).map(pydanticInWords)) {
    assert.ok(error.message.includes(said.slice(0, 200)), `the message carries "${said.slice(0, 200)}": ${error.message}`);
  }
  assert.ok(error.message.includes('127.0.0.1'), `the message names the host: ${error.message}`);
}

for (const [title, dir] of [
  ['CE v1.11.3', RECORDED],
  ['v2 (haupt 2.5.2)', RECORDED_V2],
]) {
  describe(`PolyaxonClient on the answers a real Polyaxon ${title} gave`, function () {
    const recordings = loadRecordings(dir);
    const server = new FixedServer();
    let client: PolyaxonClient;

    before(async function () {
      if (recordings.length === 0) {
        console.log(`    skipped: ${dir} is not available (the recordings live beside the repository, not in it)`);
        this.skip();
      }
      await server.start();
      client = new PolyaxonClient({ host: server.url });
    });
    after(() => server.close());

    for (const rec of recordings) {
      it(rec.file, async function () {
        const call = clientCall(client, rec);
        if (typeof call === 'string') {
          console.log(`      not a client call: ${call}`);
          return;
        }
        server.answer = rec;
        server.seen = [];
        let value: unknown;
        let error: unknown;
        try {
          value = await call();
        } catch (e) {
          error = e;
        }
        assert.strictEqual(server.seen.length, 1, 'exactly one request');
        const [sent] = server.seen;
        assert.strictEqual(sent.method, rec.request.method);
        const [sentPath, sentQuery] = decodeURIComponent(sent.path).split('?');
        const [recPath, recQuery] = rec.request.path.split('?');
        assert.strictEqual(sentPath, recPath.replace(/(.)\/$/, '$1'), 'the path, less a trailing slash the client never adds');
        assert.deepStrictEqual([...new URLSearchParams(sentQuery ?? '')].sort(), [...new URLSearchParams(recQuery ?? '')].sort());
        if (isSoftDeleted(rec)) {
          // v2 answers 200 for a deleted run (live_state -1): the client says it was deleted, as v1's 404 did.
          assert.ok(error instanceof PolyaxonError && error.kind === 'notFound', String(error));
          assert.match(error.message, /was deleted/);
        } else if (rec.response.status < 300) {
          assert.strictEqual(error, undefined, String(error));
          assertReturned(rec, value);
        } else {
          assertThrown(rec, error);
        }
      });
    }
  });
}
