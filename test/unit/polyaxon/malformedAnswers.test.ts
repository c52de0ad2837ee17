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

describe('PolyaxonClient: wrongly typed statuses answers', () => {
  const ref = { owner: 'default', project: 'p', uuid: 'aaaa' };
  const answers: [unknown, RegExp][] = [
    [{ status: 'starting', status_conditions: {} }, /unexpected shape \("status_conditions" is an object, not a list\)/],
    [{ status: 'starting', status_conditions: 'Running' }, /"status_conditions" is a string, not a list/],
    [{ status: ['running'], status_conditions: [] }, /"status" is a list, not a text/],
    [{ status: 3, status_conditions: null }, /"status" is a number, not a text/],
  ];
  for (const [answer, words] of answers) {
    it(`says what is wrong with ${JSON.stringify(answer)}`, async () => {
      const server = await startFixedServer(200, JSON.stringify(answer));
      try {
        const err = await rejectsWith(() => new PolyaxonClient({ host: server.url }).getStatuses(ref), 'badResponse');
        assert.match(err.message, words);
        assert.ok(err.message.includes(`GET /api/v1/default/p/runs/aaaa/statuses`), err.message);
      } finally {
        await server.close();
      }
    });
  }

  it('keeps the conditions that are objects, with texts where texts belong', async () => {
    const answer = {
      status: 'failed',
      status_conditions: [null, 'x', { type: 'failed', reason: { code: 1 }, message: 7, last_transition_time: {} }],
    };
    const server = await startFixedServer(200, JSON.stringify(answer));
    try {
      const statuses = await new PolyaxonClient({ host: server.url }).getStatuses(ref);
      assert.deepStrictEqual(statuses.status_conditions, [
        { type: 'failed', reason: '{"code":1}', message: '7', last_update_time: null, last_transition_time: null },
      ]);
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
