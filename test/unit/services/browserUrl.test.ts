import * as assert from 'assert';
import { isSameOriginPathProxy } from '../../../src/services/browserUrl';

describe('isSameOriginPathProxy', () => {
  it('spots code-server mapping a localhost port onto its own origin', () => {
    assert.ok(isSameOriginPathProxy('http://127.0.0.1:8117/rewrite-services/v1/ns/default/p/runs/u/', 'http://127.0.0.1:8080/proxy/8117/rewrite-services/v1/ns/default/p/runs/u/'));
    assert.ok(isSameOriginPathProxy('http://localhost:8888/ui/', 'https://ide.example.com/absproxy/8888/ui/'));
  });
  it('accepts an unchanged URL or a mapping to another origin', () => {
    assert.ok(!isSameOriginPathProxy('http://localhost:8117/x/', 'http://localhost:8117/x/'));
    assert.ok(!isSameOriginPathProxy('http://localhost:8117/x/', 'https://8117-abc.proxy.example.com/x/'));
    assert.ok(!isSameOriginPathProxy('http://plx.example.com/proxy/1/', 'http://plx.example.com/proxy/1/'));
  });
});
