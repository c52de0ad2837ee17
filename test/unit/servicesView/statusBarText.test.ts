import * as assert from 'assert';
import { servicesStatusText } from '../../../src/servicesView/statusBarText';

describe('servicesStatusText', () => {
  it('labels each count, and says the failures are of the last hour', () => {
    const t = servicesStatusText({ running: 1, starting: 1, recentlyFailed: 1 });
    assert.strictEqual(t.text, '$(vm-running) 1 running · 1 starting · 1 failed');
    assert.strictEqual(t.summary, '1 running, 1 starting, 1 failed in the last hour');
  });

  it('says "0 running" rather than a bare number when nothing runs', () => {
    const t = servicesStatusText({ running: 0, starting: 0, recentlyFailed: 0 });
    assert.strictEqual(t.text, '$(vm-running) 0 running');
    assert.strictEqual(t.summary, '0 running');
  });
});
