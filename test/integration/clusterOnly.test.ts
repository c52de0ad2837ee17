// Issue 13 item 8: on a laptop, the in-service commands explain themselves and offer the cluster VS Code; they never
// create the shared workspace folder locally, whatever calls them (the walkthrough's button, a keybinding).
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { RecordingPrompts, useExtensionPrompts } from '../integration-incluster/fixtures';
import { setSettings } from './helpers';

describe('cluster-only commands outside a service', () => {
  let dir: string;
  let root: string;
  let restoreSettings: () => Promise<void>;

  before(async () => {
    assert.strictEqual(process.env.POLYAXON_RUN_INSTANCE, undefined, 'this suite runs outside a Polyaxon service');
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plx-laptop-'));
    root = path.join(dir, 'polyaxon-v1-data', 'workspaces');
    restoreSettings = await setSettings({ workspaceRoot: root });
  });
  after(async () => {
    await restoreSettings();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('Clone Repository creates nothing, says why, and offers the cluster VS Code', async () => {
    const prompts = new RecordingPrompts();
    const restore = await useExtensionPrompts(prompts);
    try {
      const result = await vscode.commands.executeCommand('polyaxon.cloneRepository', {
        url: 'https://example.invalid/org/repo.git',
        name: 'alice',
        open: false,
      });
      assert.strictEqual(result, undefined);
    } finally {
      restore();
    }
    assert.strictEqual(prompts.shown.length, 1);
    const [shown] = prompts.shown;
    assert.strictEqual(shown.severity, 'warning');
    assert.match(shown.message, /^Clone Repository into Workspace runs inside a cluster VS Code service/);
    assert.match(shown.message, /nothing was done here/);
    assert.deepStrictEqual(shown.actions, ['Open a Cluster VS Code', 'Launch Cluster VSCode']);
    assert.deepStrictEqual(await fs.readdir(dir), [], `nothing created under ${dir}`);
  });

  it('Activate Cloud Service Account says it runs in the service, not that a variable is missing', async () => {
    const prompts = new RecordingPrompts();
    const restore = await useExtensionPrompts(prompts);
    try {
      assert.strictEqual(await vscode.commands.executeCommand('polyaxon.activateServiceAccount'), undefined);
    } finally {
      restore();
    }
    assert.strictEqual(prompts.shown.length, 1);
    assert.match(prompts.shown[0].message, /^Activate Cloud Service Account runs inside a cluster VS Code service/);
    assert.doesNotMatch(prompts.shown[0].message, /GOOGLE_APPLICATION_CREDENTIALS/);
  });
});
