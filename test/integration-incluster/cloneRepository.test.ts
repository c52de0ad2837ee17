// Clone Repository into Workspace…: HTTPS only, into <polyaxon.workspaceRoot>/<name>/<repo>.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { cloneRepository } from '../../src/commands/cloneRepository';
import { setSettings } from '../integration/helpers';
import { bareRepo, commandDeps, RecordingPrompts, RecordingTerminals, tempDir, useExtensionPrompts } from './fixtures';

describe('Clone Repository into Workspace', () => {
  let dir: string;
  let root: string;
  let repo: ReturnType<typeof bareRepo>;
  let restoreSettings: () => Promise<void>;

  before(async () => {
    dir = await tempDir('plx-clone-');
    root = path.join(dir, 'polyaxon-v1-data', 'workspaces'); // does not exist yet: the command creates <root>/<name>
    repo = bareRepo(dir);
    restoreSettings = await setSettings({ workspaceRoot: root });
  });
  after(async () => {
    await restoreSettings();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses an SSH URL and says why', async () => {
    const prompts = new RecordingPrompts();
    const restore = await useExtensionPrompts(prompts);
    try {
      const result = await vscode.commands.executeCommand('polyaxon.cloneRepository', { url: 'git@github.com:org/repo.git', name: 'alice', open: false });
      assert.strictEqual(result, undefined);
    } finally {
      restore();
    }
    assert.strictEqual(prompts.shown.length, 1);
    assert.strictEqual(prompts.shown[0].severity, 'error');
    assert.match(prompts.shown[0].message, /SSH URLs are not allowed here: the workspace is on shared storage that your whole project team can read/);
    await assert.rejects(fs.stat(path.join(root, 'alice')), 'nothing created for a refused URL');
  });

  it('sends the exact git clone command to a terminal and clones into <root>/<name>/<repo>', async () => {
    const terminals = new RecordingTerminals(repo.gitEnv); // runs the recorded command with real git
    const deps = commandDeps({ prompts: new RecordingPrompts(), terminals });
    const result = await cloneRepository(deps, { url: repo.url, name: 'alice', open: false });
    const target = path.join(root, 'alice', 'demo');
    assert.deepStrictEqual(result, { target, cloned: true });
    assert.deepStrictEqual(terminals.runs, [{ command: `git clone ${repo.url} ${target}`, name: 'Clone demo', cwd: path.join(root, 'alice') }]);
    assert.strictEqual(await fs.readFile(path.join(target, 'README.md'), 'utf8'), '# demo\n');
    assert.strictEqual(deps.context.globalState.get('polyaxon.workspaceUserName'), 'alice');
  });

  it('never overwrites an existing clone and offers to open it', async () => {
    const terminals = new RecordingTerminals();
    const prompts = new RecordingPrompts();
    const result = await cloneRepository(commandDeps({ prompts, terminals }), { url: repo.url, name: 'alice' });
    assert.deepStrictEqual(result, { target: path.join(root, 'alice', 'demo'), cloned: false });
    assert.deepStrictEqual(terminals.runs, []);
    assert.match(prompts.shown[0].message, /already exists.*never overwritten/);
    assert.deepStrictEqual(prompts.shown[0].actions, ['Open Folder']);
  });

  it('shows the sudo commands when the folder cannot be created', async () => {
    const blocked = path.join(dir, 'blocked');
    await fs.writeFile(blocked, ''); // a file where the workspaces folder should be (works as root too)
    const restore = await setSettings({ workspaceRoot: blocked });
    const terminals = new RecordingTerminals();
    const prompts = new RecordingPrompts('Run in Terminal');
    try {
      assert.strictEqual(await cloneRepository(commandDeps({ prompts, terminals }), { url: repo.url, name: 'bob' }), undefined);
    } finally {
      await restore();
    }
    const setup = `sudo mkdir -p ${blocked}/bob && sudo chown -R 2222:2222 ${blocked}/bob`;
    assert.match(prompts.shown[0].message, /Cannot create .*bob \(a file is in the way\)/);
    assert.ok(prompts.shown[0].message.includes(setup), prompts.shown[0].message);
    assert.deepStrictEqual(terminals.runs.map((r) => r.command), [setup]);
  });

  it('runs end to end in a real terminal', async function () {
    this.timeout(60000);
    // The terminal's shell gets the same URL mapping through the terminal env setting.
    const terminalEnv = vscode.workspace.getConfiguration('terminal.integrated.env');
    const previous = terminalEnv.inspect('linux')?.globalValue;
    await terminalEnv.update('linux', repo.gitEnv, vscode.ConfigurationTarget.Global);
    const restore = await useExtensionPrompts(new RecordingPrompts());
    try {
      const result = await vscode.commands.executeCommand('polyaxon.cloneRepository', { url: repo.url, name: 'carol', open: false });
      const target = path.join(root, 'carol', 'demo');
      assert.deepStrictEqual(result, { target, cloned: true });
      assert.strictEqual(await fs.readFile(path.join(target, 'README.md'), 'utf8'), '# demo\n');
    } finally {
      restore();
      await terminalEnv.update('linux', previous, vscode.ConfigurationTarget.Global);
      for (const t of vscode.window.terminals) t.dispose();
    }
  });
});
