import * as assert from 'assert';
import { recentSize, rememberSize } from '../../../src/launch/vscode/recentSizes';
import { contextWithState } from './globalState';

describe('recent sizes', () => {
  it('keeps the last size per project and kind, without an amount Kubernetes would refuse', async () => {
    const context = contextWithState();
    await rememberSize(context, 'p', 'vscode', { cpu: '3', memory: '6Gi' });
    await rememberSize(context, 'p', 'jupyter', { cpu: '1', memory: '4 GB' });
    assert.deepStrictEqual(recentSize(context, 'p', 'vscode'), { cpu: '3', memory: '6Gi' });
    assert.deepStrictEqual(recentSize(context, 'p', 'jupyter'), { cpu: '1' });
    assert.strictEqual(recentSize(context, 'other', 'vscode'), undefined);
    await rememberSize(context, 'p', 'vscode', { cpu: '4' });
    assert.deepStrictEqual(recentSize(context, 'p', 'vscode'), { cpu: '4' }, 'the last choice, not a merge');
  });
});
