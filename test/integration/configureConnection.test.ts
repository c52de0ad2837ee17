// Configure Connection counts its steps as one form: the host (1/3), the token (2/3), then the project pick, which
// showed a new form's (1/1) after (2/3). A host that fails the test is saved as typed, and the notice leads back to
// the form (it had no button: the user had to find the command again).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { extension, setSettings, sleep, startFakeServer, waitFor } from './helpers';

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

  it('saves a host that fails the test, and its notice offers Edit Connection, which opens the form again', async () => {
    const previousPrompts = api.prompts.current;
    const told: { message: string; actions: readonly string[] }[] = [];
    const answers = ['Edit Connection', undefined];
    api.prompts.current = {
      confirm: async () => false,
      choose: async (message, actions) => (told.push({ message, actions }), answers[told.length - 1] as never),
    };
    const down = 'http://127.0.0.1:1'; // nothing listens on port 1: connection refused
    const restore = await setSettings({ host: down });
    try {
      const configuring = vscode.commands.executeCommand<boolean>('polyaxon.configureConnection');
      // Enter on the host box (the host as saved) and the token box, until the test's notice shows; then once more
      // through the form that Edit Connection opened.
      for (let i = 0; i < 40 && told.length < 2; i++) {
        await sleep(500);
        if (told.length < 2) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      assert.strictEqual(await configuring, true);
      assert.strictEqual(told.length, 2, `notices: ${JSON.stringify(told)}`);
      for (const notice of told) {
        assert.match(notice.message, /^Polyaxon: saved, but the test failed: .*127\.0\.0\.1:1/);
        assert.deepStrictEqual(notice.actions, ['Edit Connection', 'Test Again']);
      }
      assert.strictEqual(vscode.workspace.getConfiguration('polyaxon').get('host'), down);
    } finally {
      api.prompts.current = previousPrompts;
      await restore();
    }
  });
});
