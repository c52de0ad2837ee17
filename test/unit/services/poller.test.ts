import * as assert from 'assert';
import { Poller, type PollerHooks } from '../../../src/services/poller';
import { FakeClock, flush } from '../fakeClock';



interface Result {
  transitional: boolean;
  n: number;
  /** Defaults to n: every answer differs. */
  fingerprint?: string;
}

function harness(answers: (n: number, signal: AbortSignal) => Promise<Result> | Result, onResult?: (r: Result) => void) {
  const clock = new FakeClock();
  const results: Result[] = [];
  const errors: unknown[] = [];
  let calls = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  const hooks: PollerHooks<Result> = {
    fetch: async (signal) => {
      calls++;
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      try {
        return await answers(calls, signal);
      } finally {
        concurrent--;
      }
    },
    onResult: (r) => {
      onResult?.(r);
      results.push(r);
    },
    onError: (e) => errors.push(e),
    isTransitional: (r) => r.transitional,
    fingerprint: (r) => String(r.fingerprint ?? r.n),
  };
  const poller = new Poller(hooks, { fastMs: 2_000, slowMs: 30_000, maxBackoffMs: 120_000, stuckAfterMs: 600_000 }, clock);
  return { clock, poller, results, errors, calls: () => calls, maxConcurrent: () => maxConcurrent };
}

describe('Poller', () => {
  it('sends nothing while hidden and steady, however long', async () => {
    const h = harness((n) => ({ transitional: false, n }));
    await h.clock.advance(3_600_000);
    assert.strictEqual(h.calls(), 0);
    assert.deepStrictEqual(h.clock.scheduled, []);
  });

  it('fetches when shown, then slowly while steady, and stops when hidden', async () => {
    const h = harness((n) => ({ transitional: false, n }));
    h.poller.setVisible(true);
    await flush();
    assert.strictEqual(h.calls(), 1);
    assert.deepStrictEqual(h.clock.scheduled, [30_000]);
    await h.clock.advance(60_000);
    assert.strictEqual(h.calls(), 3);
    h.poller.setVisible(false);
    await h.clock.advance(600_000);
    assert.strictEqual(h.calls(), 3);
  });

  it('polls fast while something is transitional, even when hidden, then goes quiet', async () => {
    const h = harness((n) => ({ transitional: n < 4, n }));
    h.poller.refreshNow();
    await flush();
    assert.deepStrictEqual(h.clock.scheduled, [2_000]);
    await h.clock.advance(6_000);
    assert.strictEqual(h.calls(), 4);
    // The fourth answer is steady and nobody looks: no more requests.
    await h.clock.advance(600_000);
    assert.strictEqual(h.calls(), 4);
  });

  it('aborts the fetch a refresh supersedes, and never runs two fetches at once', async () => {
    const gates: ((r: Result) => void)[] = [];
    const aborted: number[] = [];
    const h = harness((n, signal) => new Promise<Result>((resolve, reject) => {
      gates.push(resolve);
      signal.addEventListener('abort', () => {
        aborted.push(n);
        reject(new Error('aborted'));
      });
    }));
    h.poller.refreshNow();
    h.poller.refreshNow();
    h.poller.refreshNow();
    await flush();
    assert.deepStrictEqual(aborted, [1], 'the first fetch was asked before the refresh: aborted');
    assert.strictEqual(h.calls(), 2, 'the third refresh waits for the replacement');
    gates[1]({ transitional: false, n: 2 });
    await flush();
    assert.deepStrictEqual(h.results.map((r) => r.n), [2]);
    assert.deepStrictEqual(h.errors, [], 'an aborted fetch is not an error');
    assert.strictEqual(h.calls(), 3, 'one more fetch follows for the refreshes that came meanwhile');
    gates[2]({ transitional: false, n: 3 });
    await flush();
    assert.deepStrictEqual(h.results.map((r) => r.n), [2, 3]);
    assert.strictEqual(h.maxConcurrent(), 2, 'the aborted fetch and its replacement');
  });

  it('delivers answers while refreshes come faster than a fetch takes', async () => {
    const h = harness((n, signal) => new Promise<Result>((resolve, reject) => {
      const timer = h.clock.setTimeout(() => resolve({ transitional: false, n }), 500);
      signal.addEventListener('abort', () => {
        h.clock.clearTimeout(timer);
        reject(new Error('aborted'));
      });
    }));
    for (let i = 0; i < 40; i++) {
      h.poller.refreshNow();
      await h.clock.advance(100);
    }
    // 4 s of refreshes every 100 ms with 500 ms fetches: a replacement is never aborted, so answers keep coming.
    assert.ok(h.results.length >= 3, `answers delivered during the storm: ${h.results.length}`);
  });

  it('keeps polling after a result hook throws on a bad answer', async () => {
    const h = harness((n) => ({ transitional: false, n }), (r) => {
      if (r.n === 1) throw new TypeError("Cannot read properties of null (reading 'uuid')");
    });
    h.poller.setVisible(true);
    await flush();
    assert.strictEqual(h.errors.length, 1, 'the hook failure is reported as an error');
    assert.match(String(h.errors[0]), /reading 'uuid'/);
    assert.deepStrictEqual(h.clock.scheduled, [60_000], 'the next fetch is scheduled, backed off');
    await h.clock.advance(60_000);
    assert.deepStrictEqual(h.results.map((r) => r.n), [2]);
    assert.deepStrictEqual(h.clock.scheduled, [30_000]);
  });

  it('keeps polling when the error hook itself throws', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const poller = new Poller<number>({
      fetch: async () => {
        calls++;
        throw new Error('down');
      },
      onResult: () => undefined,
      onError: () => {
        throw new Error('the error hook failed');
      },
      isTransitional: () => false,
      fingerprint: String,
    }, { fastMs: 10, slowMs: 20, maxBackoffMs: 40, stuckAfterMs: 1000 }, clock);
    poller.setVisible(true);
    await flush();
    await clock.advance(200);
    assert.ok(calls >= 3, `fetches after failing hooks: ${calls}`);
  });

  it('backs off after errors and recovers', async () => {
    let fail = true;
    const h = harness((n) => {
      if (fail) throw new Error('down');
      return { transitional: false, n };
    });
    h.poller.setVisible(true);
    await flush();
    assert.strictEqual(h.errors.length, 1);
    assert.deepStrictEqual(h.clock.scheduled, [60_000]);
    await h.clock.advance(60_000);
    assert.deepStrictEqual(h.clock.scheduled, [120_000]);
    await h.clock.advance(120_000);
    assert.deepStrictEqual(h.clock.scheduled, [120_000], 'capped');
    fail = false;
    await h.clock.advance(120_000);
    assert.strictEqual(h.results.length, 1);
    assert.deepStrictEqual(h.clock.scheduled, [30_000]);
  });

  it('stops polling a service stuck in a transitional status after ten unchanged minutes', async () => {
    const h = harness((n) => ({ transitional: true, n, fingerprint: 'queued' }));
    h.poller.refreshNow();
    await flush();
    await h.clock.advance(9 * 60_000);
    const fastCalls = h.calls();
    assert.ok(fastCalls >= 250, `polled fast at first: ${fastCalls}`);
    await h.clock.advance(3_600_000);
    assert.ok(h.calls() - fastCalls <= 31, `then quiet while hidden: ${h.calls() - fastCalls} more`);
    assert.deepStrictEqual(h.clock.scheduled, []);
  });

  it('polls fast again when a stuck service moves', async () => {
    let fingerprint = 'queued';
    const h = harness((n) => ({ transitional: true, n, fingerprint }));
    h.poller.setVisible(true);
    await flush();
    await h.clock.advance(11 * 60_000);
    assert.deepStrictEqual(h.clock.scheduled, [30_000], 'stuck and visible: slow');
    fingerprint = 'starting';
    await h.clock.advance(30_000);
    assert.deepStrictEqual(h.clock.scheduled, [2_000], 'moving again: fast');
  });

  it('stops everything on dispose', async () => {
    const h = harness((n) => ({ transitional: true, n }));
    h.poller.refreshNow();
    await flush();
    h.poller.dispose();
    await h.clock.advance(60_000);
    assert.strictEqual(h.calls(), 1);
  });
});
