// Build and Push Dev Image… is refused inside a service: no Docker in a Kubernetes pod.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { useExtensionPrompts, RecordingPrompts } from './fixtures';

describe('Build and Push Dev Image in a service', () => {
  it('explains that Docker is not available in a pod instead of running it', async () => {
    const prompts = new RecordingPrompts();
    const restore = await useExtensionPrompts(prompts);
    try {
      const started = new Promise<boolean>((resolve) => {
        const listener = vscode.tasks.onDidStartTask(() => resolve(true));
        setTimeout(() => (listener.dispose(), resolve(false)), 500);
      });
      const result = await vscode.commands.executeCommand('polyaxon.buildImage', { dockerfile: 'docker/x-poly-vscode.Dockerfile', image: 'asia.gcr.io/p/vscode-server:0.1.0' });
      assert.strictEqual(result, undefined);
      assert.strictEqual(await started, false, 'no docker task may start');
    } finally {
      restore();
    }
    assert.match(prompts.shown[0].message, /Docker is not available here: this VS Code runs in a Polyaxon service, which is a Kubernetes pod/);
  });
});
