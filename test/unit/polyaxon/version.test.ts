import * as assert from 'assert';
import { isV2 } from '../../../src/polyaxon/version';

describe('version', () => {
  it('tells v2 from v1 by the major version', () => {
    assert.strictEqual(isV2({ version: '1.11.3', dist: 'ce' }), false);
    assert.strictEqual(isV2({ version: '2.13.0' }), true);
    assert.strictEqual(isV2({ version: 'v2.0.0-rc1' }), true);
    assert.strictEqual(isV2({ version: '10.0.0' }), true);
    assert.strictEqual(isV2({ version: 'unknown' }), false);
  });
});
