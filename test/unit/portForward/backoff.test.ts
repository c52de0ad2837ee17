import * as assert from 'assert';
import { restartDelay } from '../../../src/portForward/backoff';

describe('port-forward backoff', () => {
  it('waits 1 s, 2 s, 4 s … and never more than 30 s', () => {
    assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 50].map(restartDelay), [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
