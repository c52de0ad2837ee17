// Restart in the real extension host against the fake Polyaxon: the old run stops, exactly one copy starts, and
// the open tab follows the copy. A refused stop launches nothing.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { Run, RunRef } from '../../src/polyaxon/types';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { waitFor } from './helpers';
import { startLaunchFixture } from './launchFixture';

const PROJECT = 'restart-tests';

function serviceTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('polyaxon.service'));
}

describe('Restart Service', function () {
  this.timeout(40_000);
  let api: PolyaxonTestApi;
  let fake: FakePolyaxon;
  let stopFixture: () => Promise<void>;
  const asked: string[] = [];
  const said: string[] = [];
  const opened: RunRef[] = [];

  const restartPosts = () => fake.requests.filter((r) => r.method === 'POST' && /\/restart$/.test(r.path)).length;
  const createPosts = () => fake.requests.filter((r) => r.method === 'POST' && new RegExp(`/${PROJECT}/runs/?$`).test(r.path)).length;
  const refOf = (run: Run): RunRef => ({ owner: 'default', project: PROJECT, uuid: run.uuid });

  before(async () => ({ api, fake, stop: stopFixture } = await startLaunchFixture(PROJECT)));
  after(async () => {
    for (const ref of opened) api.webviews.panelFor(ref)?.panel.dispose();
    await stopFixture();
  });
  beforeEach(() => {
    asked.length = 0;
    said.length = 0;
    fake.requests.length = 0;
    delete fake.faults.status;
    delete fake.faults.match;
    api.prompts.current = {
      confirm: async (message) => (asked.push(message), true),
      choose: async (message) => (said.push(message), undefined),
    };
  });

  it('stops the running service after asking, starts exactly one copy, and moves its tab to the copy', async () => {
    const old = fake.addRun(PROJECT, { name: 'vscode-alice-1', kind: 'service', tags: ['vscode'], status: 'running' });
    opened.push(refOf(old));
    await api.webviews.openInWebview(refOf(old), old);
    const tab = api.webviews.panelFor(refOf(old))?.panel;
    assert.ok(tab);

    const copy = await vscode.commands.executeCommand<Run | undefined>('polyaxon.restart', refOf(old));
    assert.ok(copy, `restart resolved a run (said: ${said.join(' | ')})`);
    opened.push(refOf(copy));
    assert.notStrictEqual(copy.uuid, old.uuid);
    assert.strictEqual(asked.length, 1);
    assert.match(asked[0], /"vscode-alice-1".*running/);
    assert.match(String(fake.getRun(PROJECT, old.uuid)?.status), /^(stopping|stopped)$/);
    assert.strictEqual(restartPosts(), 1);
    assert.strictEqual(createPosts(), 0);
    assert.strictEqual(api.webviews.panelFor(refOf(old)), undefined, 'no tab left on the old run');
    assert.strictEqual(api.webviews.panelFor(refOf(copy))?.panel, tab, 'the same tab shows the copy');
    assert.strictEqual(serviceTabs().length, 1);
    await waitFor(() => api.webviews.panelFor(refOf(copy))?.html().includes(copy.uuid), 'the tab renders the copy');
  });

  it('says so and launches nothing when the old run cannot be stopped', async () => {
    const old = fake.addRun(PROJECT, { name: 'vscode-alice-2', kind: 'service', tags: ['vscode'], status: 'running' });
    fake.faults.status = 500;
    fake.faults.match = /\/stop/;
    assert.strictEqual(await vscode.commands.executeCommand('polyaxon.restart', refOf(old)), undefined);
    await waitFor(() => said.some((m) => /Could not stop "vscode-alice-2", so nothing was launched/.test(m)), 'the error is shown');
    assert.strictEqual(restartPosts(), 0);
    assert.strictEqual(createPosts(), 0);
    assert.strictEqual(fake.getRun(PROJECT, old.uuid)?.status, 'running');
  });

  it('from a stopped service’s tab, asks nothing and makes the tab show the new run', async () => {
    const old = fake.addRun(PROJECT, { name: 'vscode-alice-3', kind: 'service', tags: ['vscode'], status: 'stopped' });
    opened.push(refOf(old));
    await api.webviews.openInWebview(refOf(old), old);
    await waitFor(() => api.webviews.panelFor(refOf(old))?.state.kind === 'ended', 'the tab says the service ended');

    const copy = await vscode.commands.executeCommand<Run | undefined>('polyaxon.restart', refOf(old));
    assert.ok(copy, `restart resolved a run (said: ${said.join(' | ')})`);
    opened.push(refOf(copy));
    assert.deepStrictEqual(asked, []);
    assert.strictEqual(restartPosts(), 1);
    const tab = await waitFor(() => api.webviews.panelFor(refOf(copy)), 'the tab follows the copy');
    await waitFor(() => tab.state.kind !== 'ended' && tab.state.kind !== 'loading', 'the tab no longer says stopped', 15_000);
    assert.strictEqual(api.webviews.panelFor(refOf(old)), undefined);
  });
});
