import * as assert from 'assert';
import type * as vscode from 'vscode';
import { recentImages, rememberImage } from '../../../src/launch/vscode/recentImages';

/** The one part of the context recentImages uses: globalState, kept in a Map as VS Code keeps it. */
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

describe('recent images', () => {
  it('keeps valid images newest first, and never one Docker would refuse', async () => {
    const context = contextWithState();
    await rememberImage(context, 'p', 'vscode', 'codercom/code-server:4.23.1');
    await rememberImage(context, 'p', 'vscode', 'my image:latest');
    await rememberImage(context, 'p', 'vscode', 'Team/Image');
    await rememberImage(context, 'p', 'vscode', 'ghcr.io/team/app:1');
    assert.deepStrictEqual(recentImages(context, 'p', 'vscode'), ['ghcr.io/team/app:1', 'codercom/code-server:4.23.1']);
    const inAnotherProject = recentImages(context, 'other', 'vscode');
    assert.deepStrictEqual(inAnotherProject, ['ghcr.io/team/app:1', 'codercom/code-server:4.23.1'], 'offered in a new project too');
  });
});
