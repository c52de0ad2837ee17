import * as assert from 'assert';
import { nameSlug, nextRunName } from '../../../src/launch/runNames';

describe('default run names', () => {
  it('starts at 1 and takes the smallest number no run uses', () => {
    assert.strictEqual(nextRunName('vscode', 'alice', []), 'vscode-alice-1');
    assert.strictEqual(nextRunName('vscode', 'alice', ['vscode-alice-1', 'vscode-alice-2', 'vscode-alice-4']), 'vscode-alice-3');
    assert.strictEqual(nextRunName('jupyter', 'alice', ['vscode-alice-1']), 'jupyter-alice-1');
  });

  it('ignores names that only look alike', () => {
    const taken = ['vscode-alice-bob-1', 'vscode-alice-01', 'vscode-alice-1x', 'vscode-alicia-1', 'my-vscode-alice-1'];
    assert.strictEqual(nextRunName('vscode', 'alice', taken), 'vscode-alice-1');
  });

  it('makes a user name fit a run name', () => {
    assert.strictEqual(nameSlug('Alice.Tan@corp'), 'alice-tan-corp');
    assert.strictEqual(nextRunName('vscode', 'Alice Tan', []), 'vscode-alice-tan-1');
    assert.strictEqual(nextRunName('vscode', '', []), 'vscode-1');
  });
});
