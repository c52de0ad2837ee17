// A project that does not exist: the Services view's welcome, the status bar, and the welcome's Create Project.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import { extension, startFakeServer, waitFor } from './helpers';

describe('a project that does not exist (against the fake Polyaxon)', function () {
  this.timeout(30_000);

  it('shows the Create / Select Project welcome and says so on the status bar; Create Project creates it', async () => {
    const api = (await extension().activate()) as PolyaxonTestApi;
    const { server, stop } = await startFakeServer({ seed: 'empty', project: 'not-created-yet' });
    try {
      await api.model.refresh();
      assert.strictEqual(api.model.state, 'projectMissing');
      assert.deepStrictEqual(api.services.provider.getChildren(), [], 'no rows: the welcome shows');
      assert.strictEqual(api.statusBar.text, '$(warning) Polyaxon: project missing');
      assert.match(api.statusBar.accessibleLabel, /"not-created-yet" does not exist/);
      // The welcome's [Create Project] link: command:polyaxon.selectProject?[{"createMissing":true}]
      await vscode.commands.executeCommand('polyaxon.selectProject', { createMissing: true });
      await waitFor(() => (api.model.state === 'empty' ? true : undefined), `the project is listed (state ${api.model.state})`);
      assert.ok(
        server.requests.some((r) => r.method === 'POST' && r.path.endsWith('/projects/create')),
        'created on the server',
      );
    } finally {
      await stop();
    }
  });
});
