import * as assert from 'assert';
import { LaunchGuard, launchKey } from '../../../src/launch/launchGuard';
import { sameKindActive } from '../../../src/runs/activeServices';
import type { Run } from '../../../src/polyaxon/types';

describe('LaunchGuard', () => {
  it('lets one launch per key through until it is released', () => {
    const guard = new LaunchGuard();
    const key = launchKey('http://h', 'default', 'p', 'vscode');
    const release = guard.tryAcquire(key);
    assert.ok(release);
    assert.strictEqual(guard.tryAcquire(key), undefined, 'a second click while in flight');
    assert.ok(guard.isBusy(key));
    release();
    release(); // twice is harmless
    assert.ok(!guard.isBusy(key));
    assert.ok(guard.tryAcquire(key));
  });

  it('keeps kinds, projects and custom services apart', () => {
    const guard = new LaunchGuard();
    assert.ok(guard.tryAcquire(launchKey('h', 'o', 'p', 'vscode')));
    assert.ok(guard.tryAcquire(launchKey('h', 'o', 'p', 'jupyter')));
    assert.ok(guard.tryAcquire(launchKey('h', 'o', 'q', 'vscode')));
    assert.ok(guard.tryAcquire(launchKey('h', 'o', 'p', 'other', 'streamlit')));
    assert.ok(guard.tryAcquire(launchKey('h', 'o', 'p', 'other', 'tensorboard')));
    assert.strictEqual(guard.tryAcquire(launchKey('h', 'o', 'p', 'other', 'streamlit')), undefined);
  });
});

describe('sameKindActive', () => {
  const run = (uuid: string, status: string, name: string, tags: string[]): Run => ({ uuid, status: status as Run['status'], name, tags });
  const runs = [
    run('1', 'running', 'vscode-service', ['vscode']),
    run('2', 'queued', 'jupyterlab-notebook', ['jupyter', 'notebook', 'lab']),
    run('3', 'stopped', 'vscode-service', ['vscode']),
    run('4', 'stopping', 'vscode-service', ['vscode']),
    run('5', 'starting', 'streamlit', []),
  ];

  it('finds services of the kind that are up or on their way', () => {
    assert.deepStrictEqual(
      sameKindActive(runs, 'vscode').map((r) => r.uuid),
      ['1'],
    );
    assert.deepStrictEqual(
      sameKindActive(runs, 'jupyter').map((r) => r.uuid),
      ['2'],
    );
  });

  it('matches other services by component name', () => {
    assert.deepStrictEqual(
      sameKindActive(runs, 'other', 'streamlit').map((r) => r.uuid),
      ['5'],
    );
    assert.deepStrictEqual(sameKindActive(runs, 'other', 'tensorboard'), []);
    assert.deepStrictEqual(sameKindActive(runs, 'other'), []);
  });
});
