// Error shapes the fake does not produce, served by tiny local servers: every DRF validation shape,
// odd answers from things that are not Polyaxon, and TLS failures.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { drfMessages, isPolyaxonError, PolyaxonError } from '../../../src/polyaxon/errors';
import { listen, rejectsWith, startFixedServer } from './helpers';

const ref = { owner: 'default', project: 'p' };

async function failureFrom(
  status: number,
  body: string,
  contentType?: string,
  call: (c: PolyaxonClient) => Promise<unknown> = (c) => c.createProject('default', { name: 'x' }),
) {
  const server = await startFixedServer(status, body, contentType);
  try {
    return await call(new PolyaxonClient({ host: server.url })).then(
      () => assert.fail('expected a failure'),
      (e: unknown) => {
        assert.ok(isPolyaxonError(e), String(e));
        return e;
      },
    );
  } finally {
    await server.close();
  }
}

describe('Polyaxon client errors', () => {
  describe('DRF validation shapes → validation with details', () => {
    const cases: [string, unknown, string[]][] = [
      ['a list of strings', ['Received non valid yaml'], ['Received non valid yaml']],
      ['a dict of fields', { name: ['project with this name already exists.'] }, ['name: project with this name already exists.']],
      ['non_field_errors', { non_field_errors: ['Run expects a `content`.'] }, ['Run expects a `content`.']],
      ['detail', { detail: 'JSON parse error - Expecting value' }, ['JSON parse error - Expecting value']],
      ['several fields', { name: ['a', 'b'], tags: ['c'] }, ['name: a', 'name: b', 'tags: c']],
    ];
    for (const [shape, body, details] of cases) {
      it(shape, async () => {
        const err = await failureFrom(400, JSON.stringify(body));
        assert.strictEqual(err.kind, 'validation');
        assert.strictEqual(err.status, 400);
        assert.deepStrictEqual(err.details, details);
        assert.match(
          err.message,
          /^Could not create project default\/x: Polyaxon at http:\/\/127\.0\.0\.1:\d+ rejected POST \/api\/v1\/default\/projects\/create: /,
        );
        assert.ok(err.message.endsWith(details.join('; ')), err.message);
      });
    }

    it('drfMessages flattens nested shapes', () => {
      assert.deepStrictEqual(drfMessages(null), []);
      assert.deepStrictEqual(drfMessages('plain'), ['plain']);
      assert.deepStrictEqual(drfMessages({ content: { run: ['bad'] } }), ['content: run: bad']);
    });
  });

  it('an error carries host, method and path', async () => {
    const err = await failureFrom(400, '["x"]');
    assert.ok(err instanceof PolyaxonError);
    assert.strictEqual(err.method, 'POST');
    assert.strictEqual(err.path, '/api/v1/default/projects/create');
    assert.match(err.host, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(isPolyaxonError(err, 'validation'));
    assert.ok(!isPolyaxonError(err, 'server'));
    assert.ok(!isPolyaxonError(new Error('x')));
  });

  it('a 200 HTML page (a login page) → notPolyaxon', async () => {
    const err = await failureFrom(200, '<!doctype html><title>Sign in</title>', 'text/html', (c) => c.getInstallation());
    assert.strictEqual(err.kind, 'notPolyaxon');
  });

  it('HTML without an html content type is still HTML', async () => {
    const err = await failureFrom(200, '<html><body>proxy</body></html>', 'text/plain', (c) => c.listRuns(ref));
    assert.strictEqual(err.kind, 'notPolyaxon');
  });

  it('a 404 on /api/v1/installation → notPolyaxon', async () => {
    const err = await failureFrom(404, '{"detail":"Not found."}', 'application/json', (c) => c.getInstallation());
    assert.strictEqual(err.kind, 'notPolyaxon');
  });

  it('JSON without a version from /api/v1/installation → notPolyaxon', async () => {
    const err = await failureFrom(200, '{"status":"ok"}', 'application/json', (c) => c.getInstallation());
    assert.strictEqual(err.kind, 'notPolyaxon');
  });

  it('a redirect → notPolyaxon, naming where it goes', async () => {
    const server = await listen(
      http.createServer((_req, res) => {
        res.writeHead(302, { location: 'https://sso.example.com/login' });
        res.end();
      }),
    );
    try {
      const err = await rejectsWith(() => new PolyaxonClient({ host: server.url }).getInstallation(), 'notPolyaxon');
      assert.match(err.message, /redirected GET \/api\/v1\/installation to https:\/\/sso\.example\.com\/login/);
    } finally {
      await server.close();
    }
  });

  it('an empty 200 body where JSON is expected → badResponse', async () => {
    const err = await failureFrom(200, '', 'application/json', (c) => c.getProject(ref));
    assert.strictEqual(err.kind, 'badResponse');
  });

  it('invalid JSON → badResponse', async () => {
    const err = await failureFrom(200, '{"count": 3, "resu', 'application/json', (c) => c.listRuns(ref));
    assert.strictEqual(err.kind, 'badResponse');
    assert.match(err.message, /invalid JSON/);
  });

  it('JSON of the wrong shape → badResponse', async () => {
    const err = await failureFrom(200, '{"items": []}', 'application/json', (c) => c.listRuns(ref));
    assert.strictEqual(err.kind, 'badResponse');
  });

  it('an unrouted path (404, empty text/html, as CE answers) → notFound for runs', async () => {
    const err = await failureFrom(404, '', 'text/html; charset=utf-8', (c) => c.getRun({ ...ref, uuid: 'abc' }));
    assert.strictEqual(err.kind, 'notFound');
  });

  it('a 5xx HTML page from the gateway → server', async () => {
    const err = await failureFrom(502, '<html><head><title>502 Bad Gateway</title></head></html>', 'text/html', (c) => c.getInstallation());
    assert.strictEqual(err.kind, 'server');
    assert.match(err.message, /answered 502 Bad Gateway to GET \/api\/v1\/installation\. /);
  });

  it('401 without a token says that a token is needed', async () => {
    const err = await failureFrom(401, '{"detail":"Authentication credentials were not provided."}', 'application/json', (c) =>
      c.getInstallation(),
    );
    assert.strictEqual(err.kind, 'unauthorized');
    assert.match(err.message, /the server requires a token; set a valid one with Polyaxon: Configure Connection…/);
  });

  it('an unknown host name → unreachable', async function () {
    this.timeout(15000);
    const err = await rejectsWith(() => new PolyaxonClient({ host: 'http://polyaxon.invalid' }).getInstallation(), 'unreachable');
    assert.match(err.message, /host name not found/);
  });

  it('an invalid host throws a clear Error in the constructor', () => {
    assert.throws(() => new PolyaxonClient({ host: 'http://exa mple' }), /not a valid Polyaxon host URL/);
  });

  describe('TLS', () => {
    it('https to a plain http port → tls, pointing at http vs https', async () => {
      const server = await startFixedServer(200, '{}');
      try {
        const host = server.url.replace('http:', 'https:');
        const err = await rejectsWith(() => new PolyaxonClient({ host }).getInstallation(), 'tls');
        assert.match(err.message, /http vs https/);
        assert.strictEqual(err.certificate, undefined);
      } finally {
        await server.close();
      }
    });

    describe('a self-signed certificate', () => {
      let server: https.Server | undefined;
      let host = '';
      let cert = '';

      before(async function () {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plx-tls-'));
        try {
          execFileSync(
            'openssl',
            [
              'req',
              '-x509',
              '-newkey',
              'rsa:2048',
              '-nodes',
              '-days',
              '1',
              '-subj',
              '/CN=127.0.0.1',
              '-addext',
              'subjectAltName=IP:127.0.0.1',
              '-keyout',
              path.join(dir, 'key.pem'),
              '-out',
              path.join(dir, 'cert.pem'),
            ],
            { stdio: 'ignore' },
          );
        } catch {
          console.log('    skipped: openssl is not available to make a test certificate');
          this.skip();
        }
        cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
        const key = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8');
        fs.rmSync(dir, { recursive: true, force: true });
        server = https.createServer({ key, cert }, (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"version":"1.11.3","dist":"ce"}');
        });
        await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
        host = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      });
      after(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

      it('is rejected by default → tls naming the x509 code', async () => {
        const err = await rejectsWith(() => new PolyaxonClient({ host }).getInstallation(), 'tls');
        assert.match(err.message, /DEPTH_ZERO_SELF_SIGNED_CERT/);
      });

      it('is accepted with its CA (polyaxon.tls.caFile)', async () => {
        assert.strictEqual((await new PolyaxonClient({ host, ca: cert }).getInstallation()).version, '1.11.3');
      });

      it('is accepted with insecure (polyaxon.tls.insecure)', async () => {
        assert.strictEqual((await new PolyaxonClient({ host, insecure: true }).getInstallation()).version, '1.11.3');
      });
    });
  });
});
