// The token the runner hands out (in POLYAXON_TEST_SECRET_FILE) is used for real against the fake Polyaxon, through the
// commands; run-integration.mjs then scans every file of the run (logs, output channels, settings, state) for it.
import * as assert from 'assert';
import * as fs from 'fs';
import { inspect } from 'util';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { extension, startFakeServer } from './helpers';

describe('the API token stays a secret', function () {
  this.timeout(30_000);
  // In a file, so that the token is not part of the workbench URL (which code-server keeps in user-data/coder.json).
  const secretFile = process.env.POLYAXON_TEST_SECRET_FILE;
  const secret = secretFile ? fs.readFileSync(secretFile, 'utf8').trim() : '';
  let api: PolyaxonTestApi;
  let server: FakePolyaxon;
  let stop: () => Promise<void>;

  before(async () => {
    assert.ok(secret, 'POLYAXON_TEST_SECRET_FILE is set by run-integration.mjs');
    api = (await extension().activate()) as PolyaxonTestApi;
    ({ server, stop } = await startFakeServer());
  });
  after(async () => {
    for (const key of Object.keys(server.faults) as (keyof FakePolyaxon['faults'])[]) delete server.faults[key];
    await stop();
  });

  it('is refused for a plain-http host that is not loopback, and not stored', async () => {
    const host = 'http://plx.example.invalid:8000';
    await vscode.commands.executeCommand('polyaxon.configureConnection', { host, token: secret });
    assert.strictEqual(await api.connections.hasStoredToken(host), false);
  });

  it('is sent to the configured local server, never shown in an error, and Sign Out removes it from SecretStorage', async () => {
    const host = server.url;
    await vscode.commands.executeCommand('polyaxon.configureConnection', { host, token: secret });
    assert.strictEqual(await api.connections.hasStoredToken(host), true);
    await vscode.commands.executeCommand('polyaxon.testConnection', { quiet: true });
    await api.model.refresh();
    assert.strictEqual(api.model.state, 'ok');
    assert.ok(
      server.requests.some((r) => r.headers.authorization === `Token ${secret}`),
      'the token reached the server',
    );

    // Failures with the token on the request: rejected, reset, cut off. Each error goes to the log and the view.
    for (const fault of [{ status: 401 }, { reset: true }, { truncatedJson: true }, { status: 500 }] as const) {
      Object.assign(server.faults, fault);
      await api.model.refresh();
      const error = api.model.lastError;
      assert.ok(error, `an error for ${JSON.stringify(fault)}`);
      for (const text of [error.message, inspect(error, { depth: 20, showHidden: true }), String(api.services.treeView.message)]) {
        assert.ok(!text.includes(secret), `the token is in ${text.slice(0, 500)}`);
      }
      for (const key of Object.keys(server.faults) as (keyof FakePolyaxon['faults'])[]) delete server.faults[key];
    }

    await vscode.commands.executeCommand('polyaxon.signOut');
    assert.strictEqual(await api.connections.hasStoredToken(host), false, 'Sign Out removed it from SecretStorage');
    const before = server.requests.length;
    await (await api.connections.get()).client.getInstallation();
    const after = server.requests.slice(before);
    assert.ok(after.length > 0);
    assert.ok(
      after.every((r) => r.headers.authorization === undefined),
      'no token is sent after Sign Out',
    );
  });
});
