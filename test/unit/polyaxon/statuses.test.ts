import * as assert from 'assert';
import {
  ACTIVE_SERVICES_QUERY, ALL_STATUSES, SERVICES_QUERY, isDone, isFailure, isRunning, isStoppable, isTransitional,
} from '../../../src/polyaxon/statuses';
import type { RunStatus } from '../../../src/polyaxon/types';

// The expected groups, written out by hand from core/polyaxon/lifecycle.py (v1.11.3) so a change shows here.
const DONE: RunStatus[] = ['failed', 'upstream_failed', 'stopped', 'skipped', 'succeeded'];
const TRANSITIONAL: RunStatus[] = [
  'created', 'resuming', 'on_schedule', 'compiled', 'queued', 'scheduled', 'starting', 'processing', 'stopping', 'retrying',
];
const FAILURE: RunStatus[] = ['failed', 'upstream_failed', 'unschedulable'];

describe('statuses', () => {
  it('lists all 20 V1Statuses values once', () => {
    assert.strictEqual(ALL_STATUSES.length, 20);
    assert.strictEqual(new Set(ALL_STATUSES).size, 20);
  });

  for (const s of ALL_STATUSES) {
    it(`puts ${s} in the right groups`, () => {
      assert.strictEqual(isDone(s), DONE.includes(s), 'isDone');
      assert.strictEqual(isRunning(s), s === 'running', 'isRunning');
      assert.strictEqual(isTransitional(s), TRANSITIONAL.includes(s), 'isTransitional');
      assert.strictEqual(isStoppable(s), !DONE.includes(s), 'isStoppable');
      assert.strictEqual(isFailure(s), FAILURE.includes(s), 'isFailure');
    });
  }

  it('treats a missing or unknown status as neither done nor transitional', () => {
    for (const s of [undefined, null, '', 'bogus']) {
      assert.strictEqual(isDone(s), false);
      assert.strictEqual(isTransitional(s), false);
      assert.strictEqual(isStoppable(s), true);
    }
  });

  it('excludes exactly the done statuses from the active services query', () => {
    assert.strictEqual(SERVICES_QUERY, 'kind:service');
    assert.ok(ACTIVE_SERVICES_QUERY.startsWith('kind:service,status:~'));
    const negated = ACTIVE_SERVICES_QUERY.split('status:~')[1].split('|').sort();
    assert.deepStrictEqual(negated, DONE.slice().sort());
  });
});
