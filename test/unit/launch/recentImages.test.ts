import * as assert from 'assert';
import { recentImages, rememberImage } from '../../../src/launch/vscode/recentImages';
import { contextWithState } from './globalState';

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
