import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  ACTIVE_SERVICES_QUERY,
  ALL_STATUSES,
  SERVICES_QUERY,
  isDone,
  isRunning,
  isStoppable,
  isTransitional,
  statusInfo,
} from '../../../src/polyaxon/statuses';
import type { RunStatus } from '../../../src/polyaxon/types';
import { requireShared, SHARED_POLYAXON } from '../sharedFacts';

// The expected groups, written out by hand from core/polyaxon/lifecycle.py (v1.11.3) so a change shows here.
const DONE: RunStatus[] = ['failed', 'upstream_failed', 'stopped', 'skipped', 'succeeded'];
const TRANSITIONAL: RunStatus[] = [
  'created',
  'resuming',
  'on_schedule',
  'compiled',
  'queued',
  'scheduled',
  'starting',
  'processing',
  'stopping',
  'retrying',
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
      assert.strictEqual(statusInfo(s).failure, FAILURE.includes(s), 'failure');
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

describe('status table against the recorded Polyaxon facts', () => {
  const apiMd = path.join(SHARED_POLYAXON, 'API.md');

  /** The `Status enum (v1Statuses …)` list of API.md §2, read as written there. */
  function documentedStatuses(): string[] {
    const text = fs.readFileSync(apiMd, 'utf8');
    const match = /Status enum \(`v1Statuses`[^:]*: `([^`]+)`/.exec(text);
    assert.ok(match, 'API.md has the status enum');
    return match[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  function lifecycleSet(name: string): string[] {
    const match = new RegExp(`${name} = \\{([^}]*)\\}`).exec(fs.readFileSync(apiMd, 'utf8'));
    assert.ok(match, `API.md has ${name}`);
    return match[1]
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
  }

  before(function () {
    requireShared(this, 'API.md');
  });

  it('has a row for exactly the statuses that Polyaxon lists', () => {
    const documented = documentedStatuses();
    assert.ok(documented.length > 0);
    assert.deepStrictEqual([...ALL_STATUSES].sort(), [...documented].sort());
  });

  it('marks done exactly LifeCycle.DONE_VALUES, and `done` (a hook trigger) as not done', () => {
    const done = lifecycleSet('DONE_VALUES');
    assert.ok(done.length > 0);
    assert.deepStrictEqual(ALL_STATUSES.filter(isDone).sort(), done.sort());
    assert.strictEqual(statusInfo('done').group, 'unknown');
  });

  it('shows WARNING_VALUES as warnings, and counts unschedulable as a failure', () => {
    const warning = lifecycleSet('WARNING_VALUES');
    assert.ok(warning.length > 0);
    for (const s of warning) assert.strictEqual(statusInfo(s).group, 'warning', s);
    assert.strictEqual(statusInfo('unschedulable').failure, true);
    assert.strictEqual(statusInfo('warning').failure, false);
  });

  it('polls fast for PENDING_VALUES and RUNNING_VALUES except running itself', () => {
    const moving = [...lifecycleSet('PENDING_VALUES'), ...lifecycleSet('RUNNING_VALUES')].filter((s) => s !== 'running');
    assert.ok(moving.length > 0);
    for (const s of moving) assert.strictEqual(statusInfo(s).transitional, true, s);
    assert.strictEqual(statusInfo('running').transitional, false);
  });

  it('lists the failure reason for failures and warnings only', () => {
    assert.deepStrictEqual(ALL_STATUSES.filter((s) => statusInfo(s).explained).sort(), [
      'failed',
      'unschedulable',
      'upstream_failed',
      'warning',
    ]);
  });
});
