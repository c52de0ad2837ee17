import * as assert from 'assert';
import { localTime } from '../../../src/presentation/age';

describe('localTime', () => {
  it("says a server's UTC ISO time in the user's time zone, in words", () => {
    assert.strictEqual(localTime('2026-11-27T12:18:24.994Z', 'en-GB', 'Asia/Singapore'), '27 Nov 2026, 20:18:24');
    assert.strictEqual(localTime('2026-11-27T12:18:24.994Z', 'en-US', 'UTC'), 'Nov 27, 2026, 12:18:24 PM');
  });

  it('gives a value that is no date back as it is', () => {
    assert.strictEqual(localTime('soon'), 'soon');
  });
});
