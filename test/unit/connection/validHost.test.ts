import * as assert from 'assert';
import { InvalidHostError, validHost } from '../../../src/connection/validHost';

describe('validHost', () => {
  it('refuses a mistyped scheme or an empty host, naming the value, where it comes from and what to do', () => {
    const cases: [string, 'setting' | 'env' | 'cliConfig', RegExp][] = [
      [
        'htp://localhost:8117',
        'setting',
        /^"htp:\/\/localhost:8117" is not a valid Polyaxon host URL: the scheme is "htp:", only http:\/\/ and https:\/\/ are supported; use for example http:\/\/localhost:8888\. It comes from the polyaxon\.host setting: fix it with Polyaxon: Configure Connection…\.$/,
      ],
      ['ftp://localhost:8117', 'env', /"ftp:\/\/localhost:8117" is not a valid Polyaxon host URL.*POLYAXON_HOST environment variable/],
      ['http://', 'cliConfig', /"http:\/\/" is not a valid Polyaxon host URL.*Polyaxon CLI's config/],
    ];
    for (const [host, source, message] of cases) {
      assert.throws(
        () => validHost({ host, source }),
        (e: unknown) => {
          assert.ok(e instanceof InvalidHostError, String(e));
          assert.strictEqual(e.source, source);
          assert.match(e.message, message);
          return true;
        },
      );
    }
  });

  it('gives the normalised host for a good one', () => {
    assert.strictEqual(validHost({ host: ' http://localhost:8117/ ', source: 'setting' }), 'http://localhost:8117');
  });
});
