// Select Project keeps the choice out of the repository: nothing is written to the workspace's .vscode/settings.json.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import { extension, setSettings, waitFor } from './helpers';

function workspaceSettingsFile(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'the test VS Code has a workspace folder');
  return path.join(folder, '.vscode', 'settings.json');
}

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

describe('Select Project', () => {
  let api: PolyaxonTestApi;
  before(async () => {
    api = (await extension().activate()) as PolyaxonTestApi;
  });
  after(() => api.connections.chooseProject(undefined));

  it('remembers the project for the workspace without writing .vscode/settings.json', async () => {
    const file = workspaceSettingsFile();
    const before = read(file);
    const workspaceValue = vscode.workspace.getConfiguration('polyaxon').inspect('project')?.workspaceValue;
    assert.strictEqual(await vscode.commands.executeCommand('polyaxon.selectProject', { project: 'repo-alice' }), 'repo-alice');
    assert.strictEqual(api.connections.project(), 'repo-alice');
    assert.strictEqual((await api.connections.get()).project, 'repo-alice', 'the connection uses it');
    assert.strictEqual(read(file), before, 'the workspace settings file is untouched');
    assert.strictEqual(vscode.workspace.getConfiguration('polyaxon').inspect('project')?.workspaceValue, workspaceValue);
  });

  it('still honours polyaxon.project: editing it replaces the pick', async () => {
    await vscode.commands.executeCommand('polyaxon.selectProject', { project: 'repo-alice' });
    const restore = await setSettings({ project: 'from-the-setting' });
    try {
      await waitFor(() => api.connections.project() === 'from-the-setting', 'the edited setting is the project');
    } finally {
      await restore();
    }
  });
});
