import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { framingBlocked, isGatewayNotReady, probe, unframableAddress } from '../../../src/serviceTab/framing';

describe('framingBlocked', () => {
  it('allows a page without framing headers', () => {
    assert.strictEqual(framingBlocked({ 'content-type': 'text/html' }), undefined);
  });

  describe('X-Frame-Options', () => {
    for (const value of ['DENY', 'deny', 'SAMEORIGIN', ' SameOrigin ']) {
      it(`blocks "${value}"`, () => {
        assert.strictEqual(framingBlocked({ 'x-frame-options': value }), `it sends "X-Frame-Options: ${value.trim().toUpperCase()}"`);
      });
    }

    it('ignores the obsolete ALLOW-FROM, which browsers no longer enforce', () => {
      assert.strictEqual(framingBlocked({ 'x-frame-options': 'ALLOW-FROM https://example.com' }), undefined);
    });

    it('blocks when any of several values forbids it, and reads header names in any case', () => {
      assert.match(framingBlocked({ 'X-Frame-Options': ['ALLOWALL', 'DENY'] }) ?? '', /DENY/);
      assert.match(framingBlocked({ 'x-frame-options': 'SAMEORIGIN, SAMEORIGIN' }) ?? '', /SAMEORIGIN/);
    });
  });

  describe('Content-Security-Policy frame-ancestors', () => {
    const csp = (policy: string | string[]) => framingBlocked({ 'content-security-policy': policy });

    it("blocks 'none' and 'self' (the webview never has the service's origin)", () => {
      assert.strictEqual(csp("frame-ancestors 'none'"), `its Content-Security-Policy says "frame-ancestors 'none'"`);
      assert.strictEqual(
        csp("default-src 'self'; frame-ancestors 'self'; report-uri /csp"),
        `its Content-Security-Policy says "frame-ancestors 'self'"`,
      );
    });

    it('blocks a list of specific hosts', () => {
      assert.match(csp("frame-ancestors 'self' https://polyaxon.example.com") ?? '', /https:\/\/polyaxon\.example\.com/);
    });

    it('allows * and bare schemes', () => {
      assert.strictEqual(csp('frame-ancestors *'), undefined);
      assert.strictEqual(csp("frame-ancestors 'self' https: vscode-webview:"), undefined);
    });

    it('ignores policies without frame-ancestors, and the directive name is case-insensitive', () => {
      assert.strictEqual(csp("default-src 'self'; script-src 'unsafe-inline'"), undefined);
      assert.ok(csp("FRAME-ANCESTORS 'none'"));
    });

    it('blocks when any of several policies blocks (separate headers or comma-joined)', () => {
      assert.ok(csp(['frame-ancestors *', "frame-ancestors 'none'"]));
      assert.ok(csp("frame-ancestors *, frame-ancestors 'self'"));
    });

    it('overrides X-Frame-Options when present, as browsers do', () => {
      assert.strictEqual(framingBlocked({ 'content-security-policy': 'frame-ancestors *', 'x-frame-options': 'DENY' }), undefined);
      assert.match(
        framingBlocked({ 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' }) ?? '',
        /frame-ancestors/,
      );
    });

    it('does not apply Report-Only policies, which block nothing', () => {
      assert.strictEqual(framingBlocked({ 'content-security-policy-report-only': "frame-ancestors 'none'" }), undefined);
    });
  });
});

describe('isGatewayNotReady', () => {
  it('is true for the gateway errors of a service whose server is not listening yet', () => {
    assert.deepStrictEqual([200, 404, 500, 502, 503, 504, 505].map(isGatewayNotReady), [false, false, false, true, true, true, false]);
  });
});

describe('probe', () => {
  let server: http.Server;
  let base: string;

  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/redirect') res.writeHead(302, { location: '/elsewhere' });
      else res.writeHead(200, { 'x-frame-options': 'DENY', 'content-type': 'text/html' });
      // A never-ending body: the probe must not wait for it.
      res.write('<p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('resolves the status and headers without reading the body', async () => {
    const answer = await probe(`${base}/`, { timeoutMs: 2000 });
    assert.strictEqual(answer?.status, 200);
    assert.strictEqual(framingBlocked(answer.headers), 'it sends "X-Frame-Options: DENY"');
  });

  it('does not follow redirects', async () => {
    assert.strictEqual((await probe(`${base}/redirect`, { timeoutMs: 2000 }))?.status, 302);
  });

  it('resolves undefined when nothing answers', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));
    assert.strictEqual(await probe(url, { timeoutMs: 2000 }), undefined);
  });

  it('resolves undefined when the headers do not come in time', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const started = Date.now();
    try {
      assert.strictEqual(await probe(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, { timeoutMs: 200 }), undefined);
      assert.ok(Date.now() - started < 2000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('resolves undefined when aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    assert.strictEqual(await probe(`${base}/`, { timeoutMs: 2000, signal: abort.signal }), undefined);
  });
});

describe('unframableAddress', () => {
  it('says an IPv6 service cannot be framed, naming its address; names and IPv4 can be', () => {
    assert.match(unframableAddress('http://[::1]:8117/services/v1/x/') ?? '', /^its address \[::1\]:8117 is an IPv6 literal/);
    assert.match(unframableAddress('https://[2001:db8::5]/x/') ?? '', /\[2001:db8::5\]/);
    for (const url of ['http://localhost:8117/x/', 'http://127.0.0.1:8080/proxy/8117/x/', 'https://plx.example.com/x/']) {
      assert.strictEqual(unframableAddress(url), undefined, url);
    }
  });
});
