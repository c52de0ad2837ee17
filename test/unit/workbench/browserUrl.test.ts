import * as assert from 'assert';
import { isSameOriginPathProxy, spelledPastPortMapping } from '../../../src/workbench/browserUrl';

describe('isSameOriginPathProxy', () => {
  it('spots code-server mapping a localhost port onto its own origin', () => {
    assert.ok(
      isSameOriginPathProxy(
        'http://127.0.0.1:8117/rewrite-services/v1/ns/default/p/runs/u/',
        'http://127.0.0.1:8080/proxy/8117/rewrite-services/v1/ns/default/p/runs/u/',
      ),
    );
    assert.ok(isSameOriginPathProxy('http://localhost:8888/ui/', 'https://ide.example.com/absproxy/8888/ui/'));
  });
  it('accepts an unchanged URL or a mapping to another origin', () => {
    assert.ok(!isSameOriginPathProxy('http://localhost:8117/x/', 'http://localhost:8117/x/'));
    assert.ok(!isSameOriginPathProxy('http://localhost:8117/x/', 'https://8117-abc.proxy.example.com/x/'));
    assert.ok(!isSameOriginPathProxy('http://plx.example.com/proxy/1/', 'http://plx.example.com/proxy/1/'));
  });
});

describe('spelledPastPortMapping', () => {
  // VS Code's extractLocalHostUriMetaDataForPortMapping, which code-server's resolveExternalUri applies (read from its workbench.js).
  const mappedByCodeServer = (url: string) => /^(localhost|127\.0\.0\.1|0\.0\.0\.0):(\d+)$/.test(/^\w+:\/\/([^/?#]*)/.exec(url)![1]);

  it('writes a loopback host so that code-server does not map it, while the browser opens the same place', () => {
    const cases = [
      ['http://127.0.0.1:8117/services/v1/ns/default/p/runs/u/?a=1#b', 'http://LOCALHOST:8117/services/v1/ns/default/p/runs/u/?a=1#b'],
      ['http://localhost:8117/ui/default/p/runs/u/service', 'http://LOCALHOST:8117/ui/default/p/runs/u/service'],
      ['https://0.0.0.0:8443/x', 'https://LOCALHOST:8443/x'],
    ];
    for (const [url, expected] of cases) {
      assert.ok(mappedByCodeServer(url), url);
      const spelled = spelledPastPortMapping(url);
      assert.strictEqual(spelled, expected);
      assert.ok(!mappedByCodeServer(spelled), spelled);
      assert.strictEqual(new URL(spelled).href, expected.replace('LOCALHOST', 'localhost'));
    }
  });

  it('leaves other URLs alone', () => {
    for (const url of ['http://plx.example.com:8000/x', 'http://localhost/x', 'http://127.0.0.2:8117/x', 'http://[::1]:8117/x']) {
      assert.strictEqual(spelledPastPortMapping(url), url);
    }
  });
});
