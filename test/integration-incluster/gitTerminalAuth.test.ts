// git.terminalAuthentication inside a Polyaxon service (run with POLYAXON_RUN_INSTANCE/POLYAXON_IS_MANAGED set).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { isInsideService } from '../../src/inCluster/runInstance';
import { applyInClusterGitSetting, toggleGitTerminalAuthentication } from '../../src/inCluster/vscode/gitTerminalAuth';
import { extension, setSettings, waitFor } from '../integration/helpers';
import { commandDeps, RecordingPrompts, tempDir, useExtensionPrompts } from './fixtures';

const gitValue = () => vscode.workspace.getConfiguration('git').get<boolean>('terminalAuthentication');
const setGit = (value: boolean | undefined) =>
  vscode.workspace.getConfiguration('git').update('terminalAuthentication', value, vscode.ConfigurationTarget.Global);

describe('git terminal authentication in a service', () => {
  before(() => extension().activate());
  after(() => setGit(undefined));

  it('runs with the variables of a Polyaxon service', () => {
    assert.ok(isInsideService(process.env), `POLYAXON_RUN_INSTANCE=${process.env.POLYAXON_RUN_INSTANCE}`);
  });

  it('activation turned git.terminalAuthentication off in user settings', async () => {
    await waitFor(() => gitValue() === false, 'git.terminalAuthentication to read back false');
    assert.strictEqual(vscode.workspace.getConfiguration('git').inspect('terminalAuthentication')?.globalValue, false);
  });

  it('tells the user once, offering to recreate the terminals', async () => {
    const prompts = new RecordingPrompts();
    const deps = commandDeps({ prompts });
    await setGit(true);
    await applyInClusterGitSetting(deps);
    assert.strictEqual(gitValue(), false);
    assert.strictEqual(prompts.shown.length, 1);
    assert.match(prompts.shown[0].message, /turned off Git terminal authentication.*Terminals opened before keep the old behaviour/);
    assert.deepStrictEqual(prompts.shown[0].actions, ['Recreate Terminals']);

    await setGit(true);
    await applyInClusterGitSetting(deps); // same globalState: already told
    assert.strictEqual(gitValue(), false);
    assert.strictEqual(prompts.shown.length, 1);
  });

  it('does nothing outside a service or when not managed', async () => {
    const prompts = new RecordingPrompts();
    await setGit(true);
    await applyInClusterGitSetting(commandDeps({ prompts, env: {} }));
    assert.strictEqual(gitValue(), true);
    const restore = await setSettings({ 'git.manageTerminalAuthentication': false });
    try {
      await applyInClusterGitSetting(commandDeps({ prompts }));
      assert.strictEqual(gitValue(), true);
    } finally {
      await restore();
    }
    assert.deepStrictEqual(prompts.shown, []);
    await setGit(false);
  });

  it('the command flips the setting, says so, and keeps the choice at the next start', async () => {
    const prompts = new RecordingPrompts();
    const restorePrompts = await useExtensionPrompts(prompts);
    const restore = await setSettings({ 'git.manageTerminalAuthentication': true });
    try {
      await setGit(false);
      assert.strictEqual(await vscode.commands.executeCommand('polyaxon.toggleGitTerminalAuthentication'), true);
      assert.strictEqual(gitValue(), true);
      assert.match(prompts.shown[0].message, /Git terminal authentication is on.*no longer turn it off/);
      assert.strictEqual(vscode.workspace.getConfiguration('polyaxon').get('git.manageTerminalAuthentication'), false);

      assert.strictEqual(await vscode.commands.executeCommand('polyaxon.toggleGitTerminalAuthentication'), false);
      assert.strictEqual(gitValue(), false);
      assert.match(prompts.shown[1].message, /Git terminal authentication is off/);
      assert.deepStrictEqual(prompts.shown[1].actions, ['Recreate Terminals']);
    } finally {
      restorePrompts();
      await restore();
    }
  });

  it('"Recreate Terminals" replaces the open terminals with one in the same folder', async () => {
    const cwd = await tempDir('plx-term-');
    const old = vscode.window.createTerminal({ name: 'old', cwd });
    old.show();
    await toggleGitTerminalAuthentication(commandDeps({ prompts: new RecordingPrompts('Recreate Terminals') }));
    const fresh = await waitFor(
      () => (vscode.window.terminals.length === 1 && vscode.window.terminals[0] !== old ? vscode.window.terminals[0] : undefined),
      'the old terminal to close and a new one to open',
    );
    const options = fresh.creationOptions as vscode.TerminalOptions;
    assert.strictEqual(typeof options.cwd === 'string' ? options.cwd : options.cwd?.fsPath, cwd);
    fresh.dispose();
    await setGit(false);
  });
});
