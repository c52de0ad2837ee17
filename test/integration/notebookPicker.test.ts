// "Use as Notebook Kernel…" from the palette offers only running Jupyter services: with none (a running VS Code and
// a stopped Jupyter Lab do not count), it says so and offers a launch, without opening a picker or a notebook.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { Prompts } from '../../src/workbench/vscode/windowPrompts';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { startLaunchFixture } from './launchFixture';

const PROJECT = 'kernel-picker-tests';

describe('Use as Notebook Kernel: the service picker', function () {
  this.timeout(30_000);
  let api: PolyaxonTestApi;
  let fake: FakePolyaxon;
  let stopFixture: () => Promise<void>;

  before(async () => ({ api, fake, stop: stopFixture } = await startLaunchFixture(PROJECT)));
  after(() => stopFixture());

  it('lists no VS Code and no stopped service: with no running Jupyter it says so and offers Launch', async () => {
    assert.ok(vscode.extensions.getExtension('ms-toolsai.jupyter'), 'this suite runs with the Jupyter stand-in');
    fake.addRun(PROJECT, { name: 'vscode-running', kind: 'service', tags: ['vscode'], status: 'running' });
    fake.addRun(PROJECT, { name: 'jupyter-stopped', kind: 'service', tags: ['jupyter', 'notebook', 'lab'], status: 'stopped' });
    await api.model.refresh();
    const asked: { message: string; actions: readonly string[] }[] = [];
    const recording: Prompts = {
      confirm: async (message) => (asked.push({ message, actions: [] }), false),
      choose: async (message, actions) => (asked.push({ message, actions }), undefined),
    };
    api.prompts.current = recording;
    const notebooks = vscode.workspace.notebookDocuments.length;
    // A picker would keep the command from resolving: it resolves, so none was opened.
    const result = await vscode.commands.executeCommand('polyaxon.useAsNotebookKernel');
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual(asked, [
      {
        message: 'No Jupyter service is running in this project, so none can run a notebook kernel.',
        actions: ['Launch Cluster Jupyter Lab'],
      },
    ]);
    assert.strictEqual(vscode.workspace.notebookDocuments.length, notebooks, 'no notebook was opened');
  });
});
