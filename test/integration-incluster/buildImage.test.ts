// Build and Push Dev Image…: refused inside a service (no Docker in a Kubernetes pod); elsewhere a VS Code task.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { buildImage } from '../../src/inCluster/vscode/buildImage';
import { commandDeps, RecordingPrompts, tempDir, useExtensionPrompts } from './fixtures';

describe('Build and Push Dev Image', () => {
  it('explains that Docker is not available in a pod instead of running it', async () => {
    const prompts = new RecordingPrompts();
    const restore = await useExtensionPrompts(prompts);
    try {
      // The command starts its task before it returns, so a task that started would be seen by then.
      let started = false;
      const listener = vscode.tasks.onDidStartTask(() => (started = true));
      const result = await vscode.commands.executeCommand('polyaxon.buildImage', {
        dockerfile: 'docker/x-poly-vscode.Dockerfile',
        image: 'asia.gcr.io/p/vscode-server:0.1.0',
      });
      listener.dispose();
      assert.strictEqual(result, undefined);
      assert.strictEqual(started, false, 'no docker task may start');
      assert.deepStrictEqual(
        vscode.tasks.taskExecutions.map((t) => t.task.name),
        [],
        'no task is running',
      );
    } finally {
      restore();
    }
    assert.match(
      prompts.shown[0].message,
      /Docker is not available here: this VS Code runs in a Polyaxon service, which is a Kubernetes pod/,
    );
  });

  it('outside a service, runs docker build, then push, as tasks whose arguments VS Code quotes for the shell; remembers the image and offers to launch', async function () {
    this.timeout(60000);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the runner opens a workspace folder');
    // A stand-in docker first on the task shell's PATH, logging its arguments.
    const bin = await tempDir('plx-docker-');
    const calls = path.join(bin, 'calls.log');
    await fs.writeFile(path.join(bin, 'docker'), `#!/bin/sh\necho "$@" >> '${calls}'\n`, { mode: 0o755 });
    const terminalEnv = vscode.workspace.getConfiguration('terminal.integrated.env');
    const previous = terminalEnv.inspect('linux')?.globalValue;
    await terminalEnv.update('linux', { PATH: `${bin}:\${env:PATH}` }, vscode.ConfigurationTarget.Global);
    const dockerfile = path.join(folder, 'docker', 'my demo-poly-vscode.Dockerfile');
    await fs.mkdir(path.dirname(dockerfile), { recursive: true });
    await fs.writeFile(dockerfile, 'FROM scratch\n');
    const prompts = new RecordingPrompts();
    const deps = commandDeps({ prompts, env: {} });
    const image = 'asia.gcr.io/proj/vscode-server:0.1.0';
    const started: vscode.Task[] = [];
    const listener = vscode.tasks.onDidStartTask((e) => started.push(e.execution.task));
    try {
      const result = await buildImage(deps, { dockerfile: 'docker/my demo-poly-vscode.Dockerfile', image });
      assert.deepStrictEqual(result, { kind: 'vscode', image, exitCode: 0 });
      assert.strictEqual(await fs.readFile(calls, 'utf8'), `build -t ${image} -f docker/my demo-poly-vscode.Dockerfile .\npush ${image}\n`);
      const executions = started.filter((t) => t.source === 'Polyaxon').map((t) => t.execution);
      assert.strictEqual(executions.length, 2);
      const values = (e: vscode.Task['execution']) =>
        e instanceof vscode.ShellExecution &&
        e.commandLine === undefined &&
        [e.command, ...(e.args ?? [])].map((a) =>
          typeof a === 'string' ? '(unquoted)' : a.quoting === vscode.ShellQuoting.Strong ? a.value : '(weak)',
        );
      assert.deepStrictEqual(
        executions.map(values),
        [
          ['docker', 'build', '-t', image, '-f', 'docker/my demo-poly-vscode.Dockerfile', '.'],
          ['docker', 'push', image],
        ],
        'no hand-built command line: every argument is quoted by VS Code',
      );
      assert.deepStrictEqual(deps.images, [['vscode', image]]);
      assert.strictEqual(deps.context.workspaceState.get('polyaxon.devImage.vscode'), image);
      assert.deepStrictEqual(prompts.shown.at(-1), {
        message: `Pushed ${image}.`,
        actions: ['Launch Cluster VSCode with this image'],
        severity: undefined,
      });
    } finally {
      listener.dispose();
      await terminalEnv.update('linux', previous, vscode.ConfigurationTarget.Global);
      await fs.rm(path.join(folder, 'docker'), { recursive: true, force: true });
      await fs.rm(bin, { recursive: true, force: true });
    }
  });
});
