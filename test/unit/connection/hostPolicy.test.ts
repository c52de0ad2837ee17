import * as assert from 'assert';
import { isLoopbackHostname, normaliseHostInput, plainHttpTokenProblem } from '../../../src/connection/hostPolicy';

describe('host policy', () => {
  it('a host without a scheme means https, except loopback addresses, which mean http like the port-forward', () => {
    assert.strictEqual(normaliseHostInput('plx.example.com'), 'https://plx.example.com');
    assert.strictEqual(normaliseHostInput('plx.example.com:8443/'), 'https://plx.example.com:8443');
    assert.strictEqual(normaliseHostInput('10.0.0.5:8000'), 'https://10.0.0.5:8000');
    assert.strictEqual(normaliseHostInput('localhost:8117'), 'http://localhost:8117');
    assert.strictEqual(normaliseHostInput('127.0.0.1:8117'), 'http://127.0.0.1:8117');
    assert.strictEqual(normaliseHostInput('127.1.2.3:8117'), 'http://127.1.2.3:8117');
    assert.strictEqual(normaliseHostInput('[::1]:8117'), 'http://[::1]:8117');
    assert.strictEqual(normaliseHostInput('  http://plx.example.com/  '), 'http://plx.example.com', 'an explicit scheme is kept');
    assert.strictEqual(normaliseHostInput('HTTPS://PLX.example.com'), 'https://plx.example.com');
  });

  it('knows loopback from names that only look like it', () => {
    for (const name of ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.9', '[::1]', '::1']) assert.ok(isLoopbackHostname(name), name);
    for (const name of ['localhost.example.com', '128.0.0.1', '127.0.0.1.nip.io', '[::2]', '0.0.0.0', 'example.com']) {
      assert.ok(!isLoopbackHostname(name), name);
    }
  });

  it('refuses to send a token over plain http to a host that is not loopback, and says what to do', () => {
    const problem = plainHttpTokenProblem('http://plx.example.com:8000', {});
    assert.ok(problem);
    assert.match(problem, /not sent to http:\/\/plx\.example\.com:8000: over plain http anyone on the network could read it/);
    assert.match(problem, /Use https:\/\/plx\.example\.com:8000 in polyaxon\.host/);
    assert.strictEqual(plainHttpTokenProblem('https://plx.example.com', {}), undefined);
    assert.strictEqual(plainHttpTokenProblem('http://localhost:8117', {}), undefined);
    assert.strictEqual(plainHttpTokenProblem('http://127.0.0.1:8117', {}), undefined);
    assert.strictEqual(plainHttpTokenProblem('http://[::1]:8117', {}), undefined);
  });

  it('lets the token reach the in-cluster API address only inside a Polyaxon service, and only that address', () => {
    const inService = {
      POLYAXON_RUN_INSTANCE: 'default.p.runs.0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      POLYAXON_HOST: 'http://polyaxon-polyaxon-api.polyaxon:80',
    };
    assert.strictEqual(plainHttpTokenProblem('http://polyaxon-polyaxon-api.polyaxon', inService), undefined);
    assert.ok(plainHttpTokenProblem('http://plx.example.com', inService), 'another plain-http host is still refused');
    assert.ok(
      plainHttpTokenProblem('http://polyaxon-polyaxon-api.polyaxon', { POLYAXON_HOST: inService.POLYAXON_HOST }),
      'outside a service $POLYAXON_HOST gets no exception',
    );
  });
});
