// The request budget when the list and a watch of the same run would fall into step (issue 20, item 4).
import * as assert from 'assert';
import { budgetRun } from './budgetHarness';

describe('request budget with latencies in step', () => {
  it('tree visible + a tab on a service stuck in starting + equal 100 ms latencies: at most 300 requests in 10 minutes', async () => {
    const { requests, kinds } = await budgetRun(100, 100);
    assert.ok(requests <= 300, `${requests} requests in 10 minutes: ${JSON.stringify(kinds)}`);
  });

  it('holds too when the list answers slower than the slack a watch leaves it (1.2 s against 100 ms)', async () => {
    const { requests, kinds } = await budgetRun(1_200, 100);
    assert.ok(requests <= 300, `${requests} requests in 10 minutes: ${JSON.stringify(kinds)}`);
  });
});
