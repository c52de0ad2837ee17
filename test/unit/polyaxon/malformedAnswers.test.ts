// Answers that parse but hold something the client cannot use, from a real HTTP server on 127.0.0.1.
import * as assert from 'assert';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { startFixedServer } from './helpers';

describe('PolyaxonClient: malformed answers', () => {
  it('leaves malformed list items out with a warning, and keeps the good ones', async () => {
    const server = await startFixedServer(200, JSON.stringify({
      count: 3, next: null, previous: null, results: [null, { uuid: 'aaaa', name: 'ok' }, 'text'],
    }));
    try {
      const warnings: string[] = [];
      const client = new PolyaxonClient({ host: server.url, onWarning: (w) => warnings.push(w) });
      const page = await client.listRuns({ owner: 'default', project: 'p' });
      assert.deepStrictEqual(page.results.map((r) => r.uuid), ['aaaa']);
      assert.strictEqual(warnings.length, 1);
      assert.match(warnings[0], /2 malformed items, left out/);
      assert.ok(warnings[0].includes(server.url), warnings[0]);
    } finally {
      await server.close();
    }
  });
});
