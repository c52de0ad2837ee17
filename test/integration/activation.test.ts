// Activation, command registration and settings, in the real extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import { extension, manifest, recordedRequests, setSettings, waitFor } from './helpers';

describe('activation', () => {
  before(async () => {
    await extension().activate();
  });

  it('runs with the environment the runner passed', () => {
    // run-integration.mjs points POLYAXON_HOST (and polyaxon.host) at its request recorder
    assert.match(process.env.POLYAXON_HOST ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(vscode.workspace.getConfiguration('polyaxon').get('host'), process.env.POLYAXON_HOST);
  });

  it('makes no network request', async () => {
    assert.ok(extension().isActive);
    // Ask for one request ourselves and wait until the recorder has it: anything activation started is queued ahead of it.
    await vscode.commands.executeCommand('polyaxon.testConnection', { quiet: true }).then(undefined, () => undefined);
    const requests = await waitFor(
      () => (recordedRequests().length > 0 ? recordedRequests() : undefined),
      'the recorder saw the Test Connection request',
    );
    assert.deepStrictEqual(
      requests.map((r) => `${r.method} ${r.path}`),
      ['GET /api/v1/installation'],
      'activating (with the Services view closed) contacted the server',
    );
  });

  it('hands the tests its internals: the harness loads it in Test mode (production gets nothing, see the UI suite)', () => {
    const api = extension().exports as Partial<PolyaxonTestApi> | undefined;
    assert.ok(api?.connections && api.prompts && api.services, `exports: ${Object.keys(api ?? {}).join(', ')}`);
  });

  it('registers every command of package.json', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest()
      .contributes.commands.map((c) => c.command)
      .filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, []);
  });

  it('reads settings as they change', async () => {
    const restore = await setSettings({ project: 'integration-check' });
    try {
      assert.strictEqual(vscode.workspace.getConfiguration('polyaxon').get('project'), 'integration-check');
    } finally {
      await restore();
    }
    assert.notStrictEqual(vscode.workspace.getConfiguration('polyaxon').get('project'), 'integration-check');
  });
});
