// Clone Repository into Workspace…: HTTPS only, into <polyaxon.workspaceRoot>/<name>/<repo>.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { cloneRepository } from '../../src/inCluster/vscode/cloneRepository';
import { setSettings } from '../integration/helpers';
import {
  bareRepo,
  commandDeps,
  executeWithRecordedPrompts,
  RecordingPrompts,
  RecordingTerminals,
  useTempWorkspaceRoot,
  useTerminalEnv,
} from './fixtures';

describe('Clone Repository into Workspace', () => {
  let dir: string;
  let root: string;
  let repo: ReturnType<typeof bareRepo>;
  let removeWorkspace: () => Promise<void>;

  before(async () => {
    ({ dir, root, remove: removeWorkspace } = await useTempWorkspaceRoot('plx-clone-'));
    repo = bareRepo(dir);
  });
  after(() => removeWorkspace());

  it('refuses an SSH URL and says why', async () => {
    const { result, shown } = await executeWithRecordedPrompts('polyaxon.cloneRepository', {
      url: 'git@github.com:org/repo.git',
      name: 'alice',
      open: false,
    });
    assert.strictEqual(result, undefined);
    assert.strictEqual(shown.length, 1);
    assert.strictEqual(shown[0].severity, 'error');
    assert.match(
      shown[0].message,
      /SSH URLs are not allowed here: the workspace is on shared storage that your whole project team can read/,
    );
    await assert.rejects(fs.stat(path.join(root, 'alice')), 'nothing created for a refused URL');
  });

  it('clones in a task that passes git its arguments as is, into <root>/<name>/<repo>, and reports success', async function () {
    this.timeout(60000);
    const started: vscode.Task[] = [];
    const listener = vscode.tasks.onDidStartTask((e) => started.push(e.execution.task));
    const restoreEnv = await useTerminalEnv(repo.gitEnv);
    const prompts = new RecordingPrompts();
    const deps = commandDeps({ prompts });
    try {
      const result = await cloneRepository(deps, { url: repo.url, name: 'alice', open: false });
      const target = path.join(root, 'alice', 'demo');
      assert.deepStrictEqual(result, { target, cloned: true, exitCode: 0 });
      assert.strictEqual(await fs.readFile(path.join(target, 'README.md'), 'utf8'), '# demo\n');
      const execution = started.find((t) => t.source === 'Polyaxon')?.execution;
      assert.ok(execution instanceof vscode.ProcessExecution, 'a process task, not text sent to a terminal');
      assert.deepStrictEqual([execution.process, ...execution.args], ['git', 'clone', '--', repo.url, target]);
      assert.strictEqual(execution.options?.cwd, path.join(root, 'alice'));
      assert.strictEqual(deps.context.globalState.get('polyaxon.workspaceUserName'), 'alice');
      assert.deepStrictEqual(
        prompts.shown.map((p) => p.message),
        [`Cloned demo into ${target}.`],
      );
    } finally {
      listener.dispose();
      await restoreEnv();
    }
  });

  it("reports a failed clone with git's exit code, and leaves no folder behind", async function () {
    this.timeout(60000);
    const restoreEnv = await useTerminalEnv(repo.gitEnv);
    const prompts = new RecordingPrompts();
    try {
      const url = 'https://git.example.test/team/missing.git';
      const result = await cloneRepository(commandDeps({ prompts }), { url, name: 'dave', open: false });
      const target = path.join(root, 'dave', 'missing');
      assert.ok(result && result.exitCode !== undefined && result.exitCode !== 0, JSON.stringify(result));
      assert.deepStrictEqual(result, { target, cloned: false, exitCode: result.exitCode });
      assert.strictEqual(prompts.shown.length, 1);
      assert.strictEqual(prompts.shown[0].severity, 'error');
      assert.match(prompts.shown[0].message, new RegExp(`Cloning ${url} failed \\(git exit code ${result.exitCode}\\)`));
      await assert.rejects(fs.stat(target), 'git removes a failed clone');
    } finally {
      await restoreEnv();
    }
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
    assert.deepStrictEqual(
      terminals.runs.map((r) => r.command),
      [setup],
    );
  });
});
