// Runs as a server may send them, with values of the wrong type or shape: each still renders.
import * as assert from 'assert';
import type { Run } from '../../../src/polyaxon/types';
import { ageText } from '../../../src/presentation/age';
import { serviceContextValue } from '../../../src/servicesView/contextValue';
import { serviceKindOfRun } from '../../../src/polyaxon/serviceKind';
import { statusInfo } from '../../../src/polyaxon/statuses';

const NOW = Date.parse('2026-11-30T12:00:00Z');

describe('bad values in a run', () => {
  it('shows no age for a created_at that is not a date, instead of "NaNs ago"', () => {
    assert.strictEqual(ageText({ status: 'stopped', created_at: 'yesterday-ish' }, NOW), '');
    assert.strictEqual(ageText({ status: 'running', started_at: 'soon', created_at: '2026-11-30T11:00:00Z' }, NOW), '1h ago');
    assert.strictEqual(ageText({ status: 'stopped', finished_at: 'n/a', created_at: '2026-11-30T11:58:00Z' }, NOW), '2m ago');
    assert.strictEqual(ageText({ status: 'stopped', created_at: 42 as unknown as string }, NOW), '');
  });

  it('shows a status named like an Object.prototype key as unknown', () => {
    for (const status of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const display = statusInfo(status);
      assert.deepStrictEqual([display.group, display.label, typeof display.icon], ['unknown', 'Unknown', 'string'], status);
    }
  });

  it('tells the kind of a run whose tags are not a list', () => {
    const odd = [
      { tags: 'vscode', name: 'my-vscode' },
      { tags: { 0: 'x' }, name: 'notebook-1' },
      { tags: 7, name: null },
      { tags: ['jupyter', null, 3], name: 'x' },
    ] as unknown as Run[];
    assert.deepStrictEqual(
      odd.map((r) => serviceKindOfRun(r)),
      ['vscode', 'jupyter', 'other', 'jupyter'],
    );
    assert.match(serviceContextValue({ ...odd[0], uuid: 'a', status: 'constructor' as Run['status'] }), /^service/);
  });
});
