// Answers that parse but hold something the client cannot use, from a real HTTP server on 127.0.0.1.
import * as assert from 'assert';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import * as http from 'http';
import { listen, rejectsWith, startFixedServer } from './helpers';

describe('PolyaxonClient: malformed answers', () => {
  it('leaves malformed list items out with a warning, and keeps the good ones', async () => {
    const server = await startFixedServer(
      200,
      JSON.stringify({
        count: 3,
        next: null,
        previous: null,
        results: [null, { uuid: 'aaaa', name: 'ok' }, 'text'],
      }),
    );
    try {
      const warnings: string[] = [];
      const client = new PolyaxonClient({ host: server.url, onWarning: (w) => warnings.push(w) });
      const page = await client.listRuns({ owner: 'default', project: 'p' });
      assert.deepStrictEqual(
        page.results.map((r) => r.uuid),
        ['aaaa'],
      );
      assert.strictEqual(warnings.length, 1);
      assert.match(warnings[0], /2 malformed items, left out/);
      assert.ok(warnings[0].includes(server.url), warnings[0]);
    } finally {
      await server.close();
    }
  });
});

describe('PolyaxonClient: damaged and oversized answers', () => {
  it('reports a corrupt gzip body as a bad answer, not as an unreachable server', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(Buffer.from('{"this is": "not gzip"}'));
    });
    const { url, close } = await listen(server);
    try {
      const err = await rejectsWith(() => new PolyaxonClient({ host: url }).listRuns({ owner: 'default', project: 'p' }), 'badResponse');
      assert.match(err.message, /sent a corrupt compressed answer to GET \/api\/v1\/default\/p\/runs/);
      assert.ok(err.message.includes(url));
      assert.doesNotMatch(err.message, /port-forward/);
    } finally {
      await close();
    }
  });

  it('refuses an answer over 20 MB with a clear error', async () => {
    const huge = JSON.stringify({
      count: 1,
      next: null,
      previous: null,
      results: [{ uuid: 'a', description: 'x'.repeat(21 * 1024 * 1024) }],
    });
    const server = await startFixedServer(200, huge);
    try {
      const err = await rejectsWith(
        () => new PolyaxonClient({ host: server.url }).listRuns({ owner: 'default', project: 'p' }),
        'badResponse',
      );
      assert.match(err.message, /answered GET \/api\/v1\/default\/p\/runs with more than 20 MB, which is refused/);
    } finally {
      await server.close();
    }
  });

  it('reads an answer just under the cap', async () => {
    const big = JSON.stringify({
      count: 1,
      next: null,
      previous: null,
      results: [{ uuid: 'a', description: 'x'.repeat(19 * 1024 * 1024) }],
    });
    const server = await startFixedServer(200, big);
    try {
      const page = await new PolyaxonClient({ host: server.url }).listRuns({ owner: 'default', project: 'p' });
      assert.strictEqual(page.results.length, 1);
    } finally {
      await server.close();
    }
  });
});
