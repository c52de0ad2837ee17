// What the client's errors may carry: never the token (in message, cause or util.inspect), and only capped server text.
import * as assert from 'assert';
import * as http from 'http';
import { inspect } from 'util';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { clearFaults, closedPort, listen, rejectsWith, startFixedServer } from './helpers';

const TOKEN = 'plx-secret-7f3a9c0e21';

function assertNoToken(e: unknown) {
  assert.ok(e instanceof Error);
  const shown = [e.message, inspect(e, { depth: 20, showHidden: true }), JSON.stringify(e), String((e as { cause?: unknown }).cause)].join(
    '\n',
  );
  assert.ok(shown.length > 0);
  assert.ok(!shown.includes(TOKEN), `the token leaked into the error:\n${shown.slice(0, 2000)}`);
}

describe('secrets and server text in client errors', function () {
  let fake: FakePolyaxon;
  before(async () => {
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
  });
  after(() => fake.close());
  beforeEach(() => clearFaults(fake));

  it("keeps the token out of a refused connection's error, its cause and util.inspect", async () => {
    const client = new PolyaxonClient({ host: `http://127.0.0.1:${await closedPort()}`, token: TOKEN });
    const e = await rejectsWith(() => client.getInstallation(), 'unreachable');
    assert.ok((e as { cause?: unknown }).cause instanceof Error, 'the cause is kept for the log');
    assert.strictEqual((e.cause as { code?: string }).code, 'ECONNREFUSED');
    assertNoToken(e);
  });

  it("keeps the token out of a reset connection's and a timed-out request's error", async () => {
    const client = new PolyaxonClient({ host: fake.url, token: TOKEN, timeoutMs: 300 });
    fake.faults.reset = true;
    assertNoToken(await rejectsWith(() => client.getInstallation(), 'unreachable'));
    clearFaults(fake);
    fake.faults.hang = true;
    assertNoToken(await rejectsWith(() => client.getInstallation(), 'timeout'));
    assert.ok(
      fake.requests.some((r) => r.headers.authorization === `Token ${TOKEN}`),
      'the token did reach the server',
    );
  });

  it('caps server text: at most 10 details of at most 300 characters, from a 1 MB error body', async () => {
    const messages = Array.from({ length: 40 }, (_, i) => `${i}:${'x'.repeat(26_000)}`);
    const server = await startFixedServer(400, JSON.stringify(messages));
    try {
      const client = new PolyaxonClient({ host: server.url });
      const e = await rejectsWith(() => client.listProjects('default'), 'validation');
      assert.strictEqual(e.details.length, 10);
      assert.ok(
        e.details.every((d) => d.length <= 300),
        'each detail is at most 300 characters',
      );
      assert.ok(e.details[0].startsWith('0:xxx'));
      assert.ok(e.message.length < 10 * 300 + 500, `message of ${e.message.length} characters`);
      assert.match(e.message, /and 30 more/);
    } finally {
      await server.close();
    }
  });

  it('caps a redirect target the server names', async () => {
    const target = `https://sso.example/${'a'.repeat(5000)}`;
    const server = await listen(
      http.createServer((_req, res) => {
        res.writeHead(302, { location: target });
        res.end();
      }),
    );
    try {
      const e = await rejectsWith(() => new PolyaxonClient({ host: server.url }).getInstallation(), 'notPolyaxon');
      assert.ok(e.message.includes('https://sso.example/aaa'));
      assert.ok(e.message.length < 1000, `message of ${e.message.length} characters`);
    } finally {
      await server.close();
    }
  });
});
