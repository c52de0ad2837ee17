import * as assert from 'assert';
import { preferForwardedHost } from '../../../src/connection/forwardedHost';

describe('the managed port-forward as host', () => {
  it('replaces $POLYAXON_HOST, the CLI config and the default', () => {
    for (const source of ['env', 'cliConfig', 'default'] as const) {
      assert.deepStrictEqual(preferForwardedHost({ host: 'http://localhost:8117', source }, 'http://localhost:8889'), {
        host: 'http://localhost:8889',
        source: 'portForward',
      });
    }
  });

  it('never replaces a polyaxon.host the user set', () => {
    assert.deepStrictEqual(preferForwardedHost({ host: 'https://polyaxon.example.org', source: 'setting' }, 'http://localhost:8888'), {
      host: 'https://polyaxon.example.org',
      source: 'setting',
    });
  });

  it('leaves the host alone when no forward runs', () => {
    assert.deepStrictEqual(preferForwardedHost({ host: 'http://localhost:8117', source: 'cliConfig' }, undefined), {
      host: 'http://localhost:8117',
      source: 'cliConfig',
    });
  });
});
