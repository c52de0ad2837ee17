import * as assert from 'assert';
import { ALL_STATUSES, isDone, isTransitional, statusInfo } from '../../../src/polyaxon/statuses';
import { countServices } from '../../../src/runs/servicesSnapshot';
import { serviceKindOfRun } from '../../../src/polyaxon/serviceKind';
import { ageText, formatDuration } from '../../../src/presentation/age';

describe('status table: display groups', () => {
  const expected: Record<string, string> = {
    created: 'starting',
    resuming: 'starting',
    on_schedule: 'starting',
    compiled: 'starting',
    queued: 'starting',
    scheduled: 'starting',
    starting: 'starting',
    processing: 'starting',
    retrying: 'starting',
    running: 'running',
    stopping: 'stopping',
    warning: 'warning',
    unschedulable: 'warning',
    failed: 'failed',
    upstream_failed: 'failed',
    stopped: 'stopped',
    skipped: 'stopped',
    succeeded: 'succeeded',
    done: 'unknown',
    unknown: 'unknown',
  };

  it('maps every Polyaxon status explicitly, into the right group', () => {
    assert.deepStrictEqual([...ALL_STATUSES].sort(), Object.keys(expected).sort());
    for (const status of ALL_STATUSES) assert.strictEqual(statusInfo(status).group, expected[status], status);
  });

  it('spins exactly for the transitional statuses', () => {
    for (const status of ALL_STATUSES) {
      const spins = statusInfo(status).icon.endsWith('~spin');
      const moving = isTransitional(status) && status !== 'on_schedule';
      assert.strictEqual(spins, moving, status);
    }
  });

  it('never shows a done status as starting or running', () => {
    for (const status of ALL_STATUSES.filter(isDone)) {
      assert.ok(!['starting', 'running', 'stopping'].includes(statusInfo(status).group), status);
    }
  });

  it('treats a missing or new status as unknown', () => {
    assert.strictEqual(statusInfo(undefined).group, 'unknown');
    assert.strictEqual(statusInfo('brand_new').group, 'unknown');
  });
});

describe('countServices', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('counts running and starting, and failures of the last hour only', () => {
    const counts = countServices(
      [
        { uuid: 'a', status: 'running' },
        { uuid: 'b', status: 'queued' },
        { uuid: 'c', status: 'starting' },
        { uuid: 'd', status: 'failed', finished_at: '2026-11-27T11:30:00Z' },
        { uuid: 'e', status: 'failed', finished_at: '2026-11-27T09:00:00Z' },
        { uuid: 'f', status: 'stopped', finished_at: '2026-11-27T11:59:00Z' },
      ],
      now,
    );
    assert.deepStrictEqual(counts, { running: 1, starting: 2, recentlyFailed: 1 });
  });
});

describe('serviceKindOfRun', () => {
  it('reads tags, then the name, then the image', () => {
    assert.strictEqual(serviceKindOfRun({ tags: ['vscode'], name: 'x' }), 'vscode');
    assert.strictEqual(serviceKindOfRun({ tags: ['jupyter', 'notebook', 'lab'] }), 'jupyter');
    assert.strictEqual(serviceKindOfRun({ name: 'jupyterlab-notebook' }), 'jupyter');
    assert.strictEqual(serviceKindOfRun({ name: 'dev', inputs: { DOCKER_IMAGE: 'asia.gcr.io/p/vscode-server:0.1.0' } }), 'vscode');
    assert.strictEqual(serviceKindOfRun({ name: 'streamlit', tags: ['streamlit'] }), 'other');
  });
});

describe('age', () => {
  it('formats durations with the two largest units', () => {
    assert.strictEqual(formatDuration(42_000), '42s');
    assert.strictEqual(formatDuration(5 * 60_000), '5m');
    assert.strictEqual(formatDuration((2 * 60 + 5) * 60_000), '2h 5m');
    assert.strictEqual(formatDuration((3 * 24 + 4) * 3_600_000), '3d 4h');
  });
  it('shows uptime for running services and age otherwise', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    assert.strictEqual(ageText({ status: 'running', started_at: '2026-11-27T10:00:00Z' }, now), 'up 2h');
    // Seconds go stale between two reads of the list (every 30 s while steady): the first minute is "<1m".
    assert.strictEqual(ageText({ status: 'running', started_at: '2026-11-27T11:59:58Z' }, now), 'up <1m');
    assert.strictEqual(ageText({ status: 'queued', created_at: '2026-11-27T11:59:18Z' }, now), '<1m ago');
    assert.strictEqual(ageText({ status: 'queued', created_at: '2026-11-27T11:57:00Z' }, now), '3m ago');
    assert.strictEqual(
      ageText({ status: 'stopped', created_at: '2026-11-27T08:00:00Z', finished_at: '2026-11-27T11:00:00Z' }, now),
      '1h ago',
    );
  });
});
