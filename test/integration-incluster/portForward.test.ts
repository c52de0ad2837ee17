// Inside a Polyaxon service the API is reachable directly: no port-forward is offered or started.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { ConnectOutcome } from '../../src/portForward/vscode/portForwardCommands';
import { extension } from '../integration/helpers';

describe('port-forward inside a service', () => {
  it('Connect to Cluster… declines, and starts no kubectl', async () => {
    const api = (await extension().activate()) as PolyaxonTestApi;
    assert.ok(api.inCluster);
    const outcome = await vscode.commands.executeCommand<ConnectOutcome>('polyaxon.connectCluster', {
      context: 'any',
      namespace: 'polyaxon-v1',
      service: 'polyaxon-polyaxon-gateway',
      localPort: 8888,
    });
    assert.deepStrictEqual(outcome, { connected: false });
    assert.strictEqual(api.portForward.state.kind, 'off');
  });
});
