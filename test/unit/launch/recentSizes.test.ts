import * as assert from 'assert';
import type * as vscode from 'vscode';
import { recentSize, rememberSize } from '../../../src/launch/vscode/recentSizes';

/** The one part of the context recentSizes uses: globalState, kept in a Map as VS Code keeps it. */
function contextWithState(): vscode.ExtensionContext {
  const values = new Map<string, unknown>();
  const globalState = {
    get: <T>(key: string, fallback: T): T => (values.has(key) ? (values.get(key) as T) : fallback),
    update: (key: string, value: unknown) => {
      values.set(key, JSON.parse(JSON.stringify(value)));
      return Promise.resolve();
    },
  };
  return { globalState } as unknown as vscode.ExtensionContext;
}

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
