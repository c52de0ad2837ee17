// Configure Connection counts its steps as one form: the host (1/3), the token (2/3), then the project pick, which
// showed a new form's (1/1) after (2/3).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { extension, sleep, startFakeServer, waitFor } from './helpers';

describe('Configure Connection', function () {
  this.timeout(60_000);
  let api: PolyaxonTestApi;
  let fake: FakePolyaxon;
  let stopFake: () => Promise<void>;

  before(async () => {
    api = (await extension().activate()) as PolyaxonTestApi;
    ({ server: fake, stop: stopFake } = await startFakeServer({ seed: 'empty', project: 'steps-tests' }));
    fake.addProject('steps-tests');
  });
  after(() => stopFake());

  it('shows its project pick as step 3 of 3 under its own title', async () => {
    const configuring = vscode.commands.executeCommand<boolean>('polyaxon.configureConnection');
    // Enter on the host box (the current host) and on the token box (none), until the connection test runs.
    const tested = () => fake.requests.some((r) => r.path.startsWith('/api/v1/default/projects/list'));
    for (let i = 0; i < 20 && !tested(); i++) {
      await sleep(500);
      if (!tested()) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    await waitFor(() => api.wizardStep() !== undefined, 'the project pick');
    const shown = api.wizardStep();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await configuring, true);
    assert.deepStrictEqual({ title: shown?.title, counter: shown?.counter }, { title: 'Polyaxon: Configure Connection', counter: '3/3' });
  });
});
