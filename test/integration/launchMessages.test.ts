// What a launch and Show Logs say when things go wrong, in the real extension host against the fake Polyaxon:
// the compiler's raw text translated, Stop first for a service that cannot start, and no "deleted" for a run that
// exists but has no logs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { Run } from '../../src/polyaxon/types';
import type { Prompts } from '../../src/workbench/vscode/windowPrompts';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { REPO_ROOT, waitFor } from './helpers';
import { startLaunchFixture } from './launchFixture';

const PROJECT = 'message-tests';
const PARAMS = { DOCKER_IMAGE: 'img:1', WORKING_DIR: '/polyaxon-v1-data' };

interface Asked {
  message: string;
  actions: readonly string[];
}

/** Answers each choice with the first of `answers` it offers, and records what was asked. */
function answering(asked: Asked[], answers: readonly string[]): Prompts {
  return {
    confirm: async (message) => (asked.push({ message, actions: [] }), false),
    choose: async <T extends string>(message: string, actions: readonly T[]) => {
      asked.push({ message, actions });
      return actions.find((a) => answers.includes(a));
    },
  };
}

describe('launch and logs messages', function () {
  this.timeout(40_000);
  let api: PolyaxonTestApi;
  let fake: FakePolyaxon;
  let stopFixture: () => Promise<void>;
  const asked: Asked[] = [];

  before(async () => ({ api, fake, stop: stopFixture } = await startLaunchFixture(PROJECT)));
  after(() => stopFixture());
  beforeEach(() => {
    asked.length = 0;
    fake.faults = {};
  });

  it('translates a missing connection and opens the polyaxonfile at run.connections', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? REPO_ROOT;
    const file = path.join(folder, 'no-connection-service.yml');
    const bundled = fs.readFileSync(path.join(REPO_ROOT, 'polyaxonfiles', 'vscode-service.yml'), 'utf8');
    fs.writeFileSync(file, bundled.replace('connections: [fstore-pvc]', 'connections: [no-such-connection]'));
    api.prompts.current = answering(asked, ['Open Polyaxonfile']);
    try {
      const args = { polyaxonfile: file, params: PARAMS, project: PROJECT };
      const run = await vscode.commands.executeCommand<Run | undefined>('polyaxon.launchFromPolyaxonfile', args);
      assert.strictEqual(run?.status, 'failed');
      const notice = await waitFor(() => asked.find((a) => a.actions.length > 0), 'the outcome is shown');
      assert.match(notice.message, /failed: this cluster has no connection 'no-such-connection'/);
      assert.doesNotMatch(notice.message, /catalog|`/, "none of the compiler's raw text");
      assert.deepStrictEqual(notice.actions.slice(0, 1), ['Open Polyaxonfile']);
      const active = () => vscode.window.activeTextEditor;
      const editor = await waitFor(() => (active()?.document.uri.fsPath === file ? active() : undefined), 'the polyaxonfile opens');
      const line = editor.document.lineAt(editor.selection.active.line).text;
      assert.match(line, /connections: \[no-such-connection\]/, `the cursor is on run.connections, not on: ${line}`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('makes Stop the first action for a service that cannot be scheduled, and stops it', async () => {
    api.prompts.current = answering(asked, ['Stop Service']);
    const params = { ...PARAMS, DOCKER_IMAGE: 'img:__unschedulable__' };
    const run = await vscode.commands.executeCommand<Run | undefined>('polyaxon.launchVSCode', { params });
    assert.strictEqual(run?.status, 'unschedulable');
    const notice = await waitFor(() => asked.find((a) => a.actions.length > 0), 'the outcome is shown');
    assert.strictEqual(notice.actions[0], 'Stop Service');
    assert.ok(!notice.actions.includes('Show Logs'), `no Show Logs for a service without a container: ${notice.actions.join(', ')}`);
    await waitFor(() => fake.requests.some((r) => r.method === 'POST' && r.path.endsWith(`/runs/${run.uuid}/stop`)), 'the stop is sent');
    await waitFor(() => ['stopping', 'stopped'].includes(String(fake.getRun(PROJECT, run.uuid)?.status)), 'the service stops');
  });

  it('Show Logs on a run that failed before starting says why, not "may have been deleted"', async () => {
    const run = fake.addRun(PROJECT, { name: 'never-started', kind: 'service', status: 'queued', tags: ['vscode'] });
    fake.setStatus(
      PROJECT,
      run.uuid,
      'failed',
      'SchedulerPrepare',
      'Failed to compile.\nSome Connection refs were provided but were not found in the agent.connections catalog: ' +
        "`{'no-such-connection'}`",
    );
    // A real Polyaxon answers 404 for the logs of a run that never had a container.
    fake.faults = { status: 404, match: /\/logs/ };
    await vscode.commands.executeCommand('polyaxon.showLogs', { project: PROJECT, uuid: run.uuid });
    const doc = await waitFor(
      () =>
        vscode.workspace.textDocuments.find(
          (d) => d.uri.scheme === 'polyaxon-logs' && d.uri.path.includes(run.uuid) && /No logs/.test(d.getText()),
        ),
      'the logs document explains',
      15_000,
    );
    assert.match(doc.getText(), /No logs: it failed before its container started \(this cluster has no connection 'no-such-connection'/);
    assert.doesNotMatch(doc.getText(), /deleted/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
