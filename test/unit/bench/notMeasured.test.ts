import * as assert from 'assert';
import { measureAll, table } from '../../bench/bench';
import { benchRow } from '../../bench/row';
import { vscodeActivationRow } from '../../bench/vscodeActivationFigures';

// Issue 20 item 11: one figure that cannot be measured must not take the table (and bench/results.json) with it.
describe('bench: a figure that cannot be measured', () => {
  const measured = benchRow({ figure: 'bundle', value: 12, unit: 'KiB', baseline: 10, goal: '≤ 1.3×', met: true });

  it('a provider that throws leaves a "not measured" row with its reason, and the providers after it still run', async () => {
    const rows = await measureAll([
      { figures: 'activation in a real VS Code', measure: () => Promise.reject(new Error('no activation time for "X"')) },
      { figures: 'bundle', measure: () => Promise.resolve([measured]) },
    ]);
    assert.deepStrictEqual(
      rows.map((r) => [r.figure, r.value, r.notMeasured]),
      [
        ['activation in a real VS Code', null, 'no activation time for "X"'],
        ['bundle', 12, undefined],
      ],
    );
  });

  it('the table prints such a row as not measured, neither met nor missed', () => {
    const lines = table([
      measured,
      { figure: 'real VS Code', value: null, unit: '', baseline: null, ratio: null, goal: 'g', met: false, notMeasured: 'why' },
    ]).split('\n');
    assert.match(lines[2], /\| bundle +\| 12 KiB +\| 10 KiB +\| 1\.20× +\| ≤ 1\.3× +\| yes +\|/);
    assert.match(lines[3], /\| real VS Code +\| not measured +\| — +\| — +\| g +\| NOT MEASURED +\|/);
  });

  it('the real-VS-Code row keeps the windows that could be read, and says why when none could', () => {
    const row = vscodeActivationRow({ codeServer: '4.139.1', ours: [40, 60, 50], empty: [20, 30, 25], failures: ['window 2: timeout'] });
    assert.strictEqual(row.value, 50);
    assert.strictEqual(row.baseline, 25);
    assert.match(row.figure, /median of 3 windows \(1 unread: window 2: timeout\)/);
    assert.strictEqual(vscodeActivationRow({ ours: [], empty: [], failures: ['window 1: timeout'] }).notMeasured, 'window 1: timeout');
    assert.strictEqual(
      vscodeActivationRow({ skipped: 'code-server is not installed here' }).notMeasured,
      'code-server is not installed here',
    );
  });
});
