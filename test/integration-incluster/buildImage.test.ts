// Build and Push Dev Image…: refused inside a service (no Docker in a Kubernetes pod); elsewhere a VS Code task.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { buildImage } from '../../src/inCluster/vscode/buildImage';
import { startFakeDockerEngine } from './fakeDockerEngine';
import { commandDeps, RecordingPrompts, tempDir, useExtensionPrompts, useTerminalEnv } from './fixtures';

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

  // The tasks run docker as found on the PATH VS Code started with (not the test's: a stand-in cannot be put first),
  // so the exit code is whatever that docker says; what is checked is what it was given, and that nothing else ran.
  const buildArgs = (started: vscode.Task[]) =>
    started
      .filter((t) => t.source === 'Polyaxon')
      .map((t) => t.execution instanceof vscode.ProcessExecution && [t.execution.process, ...t.execution.args]);

  it('outside a service, runs docker build as a task of docker itself, no shell between, with the Dockerfile as one argument', async function () {
    this.timeout(60000);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the runner opens a workspace folder');
    const dockerfile = path.join(folder, 'docker', 'my demo-poly-vscode.Dockerfile');
    await fs.mkdir(path.dirname(dockerfile), { recursive: true });
    await fs.writeFile(dockerfile, 'FROM scratch\n');
    const deps = commandDeps({ prompts: new RecordingPrompts(), env: {} });
    const image = 'asia.gcr.io/proj/vscode-server:0.1.0';
    const started: vscode.Task[] = [];
    const listener = vscode.tasks.onDidStartTask((e) => started.push(e.execution.task));
    try {
      const result = await buildImage(deps, { dockerfile: 'docker/my demo-poly-vscode.Dockerfile', image, launch: false });
      assert.strictEqual(result?.image, image);
      assert.strictEqual(deps.context.workspaceState.get('polyaxon.devImage.vscode'), image);
      const runs = buildArgs(started);
      assert.deepStrictEqual(runs[0], ['docker', 'build', '-t', image, '-f', 'docker/my demo-poly-vscode.Dockerfile', '.']);
      // The push runs only after a build that succeeded.
      assert.deepStrictEqual(runs.slice(1), result?.exitCode === 0 ? [['docker', 'push', image]] : []);
    } finally {
      listener.dispose();
      await fs.rm(path.join(folder, 'docker'), { recursive: true, force: true });
    }
  });

  // The real docker CLI, talking to a stand-in engine (DOCKER_HOST, set for the tasks through terminal.integrated.env)
  // that accepts the builds and the push: every step runs, and the engine sees what docker sent it.
  async function buildWithEngine(kind: 'vscode' | 'jupyter', image: string) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the runner opens a workspace folder');
    const dockerfile = `docker/demo-${kind === 'vscode' ? 'poly-vscode' : 'jupyter'}.Dockerfile`;
    await fs.mkdir(path.join(folder, 'docker'), { recursive: true });
    await fs.writeFile(path.join(folder, dockerfile), 'FROM scratch\n');
    const config = await tempDir('plx-docker-config-'); // no credential helper of the user's runs
    const engine = await startFakeDockerEngine();
    const restoreEnv = await useTerminalEnv({ DOCKER_HOST: `unix://${engine.socket}`, DOCKER_CONFIG: config });
    const started: vscode.Task[] = [];
    const listener = vscode.tasks.onDidStartTask((e) => started.push(e.execution.task));
    try {
      const result = await buildImage(commandDeps({ prompts: new RecordingPrompts(), env: {} }), { dockerfile, image, launch: false });
      return { result, runs: buildArgs(started), engine, dockerfile };
    } finally {
      listener.dispose();
      await restoreEnv();
      await engine.close();
      await fs.rm(config, { recursive: true, force: true });
      await fs.rm(path.join(folder, 'docker'), { recursive: true, force: true });
    }
  }
  /** The steps need the docker CLI (it talks to the stand-in engine): without it the test skips, saying so. */
  const requireDocker = (test: Mocha.Context) => {
    try {
      execFileSync('docker', ['--version'], { stdio: 'ignore' });
    } catch {
      console.log('    skipped: no docker CLI on the PATH (the steps need it, talking to the stand-in engine)');
      test.skip();
    }
  };

  it('adds the extension to a VS Code image: builds again from a context with its .vsix, under the same tag, then pushes', async function () {
    this.timeout(120000);
    requireDocker(this);
    const image = 'asia.gcr.io/proj/vscode-server:0.4.0';
    const { result, runs, engine, dockerfile } = await buildWithEngine('vscode', image);
    assert.strictEqual(result?.exitCode, 0, 'every step succeeded');
    const context = runs[1] && runs[1][6];
    assert.ok(
      typeof context === 'string' && path.basename(context).startsWith('polyaxon-bake-'),
      `a temporary context: ${String(context)}`,
    );
    assert.deepStrictEqual(runs, [
      ['docker', 'build', '-t', image, '-f', dockerfile, '.'],
      ['docker', 'build', '-t', image, '-f', path.join(context, 'Dockerfile'), context],
      ['docker', 'push', image],
    ]);
    assert.deepStrictEqual(
      engine.builds.map((b) => [b.tag, b.dockerfile]),
      [
        [image, dockerfile],
        [image, 'Dockerfile'],
      ],
    );
    const baked = engine.builds[1].files;
    assert.deepStrictEqual([...baked.keys()].sort(), ['Dockerfile', 'polyaxon-dev-environments.vsix']);
    assert.strictEqual(
      baked.get('Dockerfile')?.toString(),
      `FROM ${image}\nCOPY polyaxon-dev-environments.vsix /opt/polyaxon/vscode-extensions/\n`,
    );
    const vsix = baked.get('polyaxon-dev-environments.vsix') ?? Buffer.alloc(0);
    assert.ok(vsix.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), 'a zip');
    assert.ok(vsix.includes('extension/dist/extension.js') && vsix.includes('extension.vsixmanifest'), "the extension's files");
    assert.deepStrictEqual(engine.pushes, [image]);
    await assert.rejects(fs.stat(context), /ENOENT/, 'the temporary context is removed');
  });

  it('leaves a Jupyter image as its Dockerfile builds it: build, then push', async function () {
    this.timeout(120000);
    requireDocker(this);
    const image = 'asia.gcr.io/proj/jupyter:0.4.0';
    const { result, runs, engine, dockerfile } = await buildWithEngine('jupyter', image);
    assert.strictEqual(result?.exitCode, 0);
    assert.deepStrictEqual(runs, [
      ['docker', 'build', '-t', image, '-f', dockerfile, '.'],
      ['docker', 'push', image],
    ]);
    assert.deepStrictEqual(engine.pushes, [image]);
  });

  it('passes hostile Dockerfile names to docker exactly as they are, running nothing they hold', async function () {
    this.timeout(120000);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the runner opens a workspace folder');
    // Each would run `touch pwned-N` in the workspace folder (the task's cwd) if a shell read the argument.
    const names = [
      "a'; touch pwned-1; echo '-poly-vscode.Dockerfile",
      'b"; touch pwned-2; echo "-poly-vscode.Dockerfile',
      'c`touch pwned-3`$(touch pwned-4) && touch pwned-5 ; x-poly-vscode.Dockerfile',
      "d 日本 ä 😀 $HOME %PATH% '\\'-poly-vscode.Dockerfile",
    ];
    await fs.mkdir(path.join(folder, 'docker'), { recursive: true });
    for (const name of names) await fs.writeFile(path.join(folder, 'docker', name), 'FROM scratch\n');
    const image = 'asia.gcr.io/proj/vscode-server:0.2.0';
    const started: vscode.Task[] = [];
    const listener = vscode.tasks.onDidStartTask((e) => started.push(e.execution.task));
    try {
      for (const name of names) {
        const result = await buildImage(commandDeps({ prompts: new RecordingPrompts(), env: {} }), {
          dockerfile: `docker/${name}`,
          image,
          launch: false,
        });
        assert.strictEqual(result?.image, image, name);
      }
      assert.deepStrictEqual(
        buildArgs(started)
          .filter((args) => args && args[1] === 'build')
          .map((args) => args && args[5]),
        names.map((name) => `docker/${name}`),
        'each name reached docker as one argument, unchanged',
      );
      const pwned = (await fs.readdir(folder)).filter((f) => f.startsWith('pwned-'));
      assert.deepStrictEqual(pwned, [], 'a file name ran a command');
    } finally {
      listener.dispose();
      await fs.rm(path.join(folder, 'docker'), { recursive: true, force: true });
      for (const f of await fs.readdir(folder)) if (f.startsWith('pwned-')) await fs.rm(path.join(folder, f));
    }
  });

  it('refuses a Dockerfile name with a newline before any task starts', async () => {
    const prompts = new RecordingPrompts();
    let started = false;
    const listener = vscode.tasks.onDidStartTask(() => (started = true));
    try {
      const result = await buildImage(commandDeps({ prompts, env: {} }), {
        dockerfile: 'docker/x\ntouch pwned-6\n-poly-vscode.Dockerfile',
        image: 'asia.gcr.io/proj/vscode-server:0.3.0',
      });
      assert.strictEqual(result, undefined);
      assert.strictEqual(started, false, 'no docker task may start');
      assert.match(prompts.shown[0].message, /holds a control character \(U\+000A\), which is refused/);
    } finally {
      listener.dispose();
    }
  });
});
