// VS Code's proxy settings apply to the extension's requests: http.proxy sends them through a forwarding proxy
// (here one written for the test, which alone can resolve the host name used), and http.noProxy bypasses it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startForwardingProxy, type ForwardingProxy } from './forwardingProxy';
import { startFakeServer } from './helpers';
import type { FakePolyaxon } from '../fake-polyaxon/server';

/** Resolvable by the proxy only: a direct request cannot reach it. */
const PROXY_ONLY_HOST = 'polyaxon.via-proxy.test';

async function setHttp(values: Record<string, unknown>): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('http');
  const previous = Object.keys(values).map((key) => [key, config.inspect(key)?.globalValue] as const);
  for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => {
    for (const [key, value] of previous) {
      await vscode.workspace.getConfiguration('http').update(key, value, vscode.ConfigurationTarget.Global);
    }
  };
}

/** Whether this VS Code has the http.noProxy setting at all (1.90 does not: it came later). */
const hasNoProxySetting = () => vscode.workspace.getConfiguration('http').inspect('noProxy')?.defaultValue !== undefined;

async function testConnection(): Promise<{ version: string; host: string }> {
  return (await vscode.commands.executeCommand('polyaxon.testConnection', { quiet: true })) as { version: string; host: string };
}

describe('proxy settings', function () {
  let fake: { server: FakePolyaxon; stop: () => Promise<void> };
  let proxy: ForwardingProxy;
  let restoreHttp: (() => Promise<void>) | undefined;
  let port = '';

  before(async () => {
    fake = await startFakeServer();
    port = new URL(fake.server.url).port;
    proxy = await startForwardingProxy({ [PROXY_ONLY_HOST]: '127.0.0.1' });
  });
  after(async () => {
    await restoreHttp?.();
    await proxy.close();
    await fake.stop();
  });
  /** What the proxy forwarded of Test Connection's own request (GET /api/v1/installation). */
  const testConnectionsViaProxy = () => proxy.log.filter((line) => line.endsWith('/api/v1/installation'));
  beforeEach(() => {
    proxy.log.length = 0;
    fake.server.requests.length = 0;
  });

  it('http.proxy: requests go through the proxy', async () => {
    restoreHttp = await setHttp({ proxy: proxy.url, ...(hasNoProxySetting() ? { noProxy: [] } : {}) });
    await vscode.workspace
      .getConfiguration('polyaxon')
      .update('host', `http://${PROXY_ONLY_HOST}:${port}`, vscode.ConfigurationTarget.Global);
    const result = await testConnection();
    assert.strictEqual(result.version, '1.11.3');
    assert.ok(proxy.log.includes(`GET http://${PROXY_ONLY_HOST}:${port}/api/v1/installation`), JSON.stringify(proxy.log));
    assert.ok(fake.server.requests.some((r) => r.path === '/api/v1/installation'));
  });

  it('http.noProxy: a listed host is reached directly, not through the proxy', async function () {
    if (!hasNoProxySetting()) {
      console.log(`      skipped: VS Code ${vscode.version} has no http.noProxy setting (it has the NO_PROXY environment variable only)`);
      this.skip();
    }
    // Directly, the proxy-only name does not resolve: the failure itself shows the proxy was bypassed.
    await setHttp({ noProxy: [PROXY_ONLY_HOST] });
    await vscode.workspace
      .getConfiguration('polyaxon')
      .update('host', `http://${PROXY_ONLY_HOST}:${port}`, vscode.ConfigurationTarget.Global);
    assert.strictEqual(
      await vscode.commands.executeCommand('polyaxon.testConnection', { quiet: true }),
      undefined,
      'the test connection failed',
    );
    assert.deepStrictEqual(testConnectionsViaProxy(), [], 'the test connection did not go through the proxy');
    // Not "the fake got no request", nor "the proxy saw nothing": the Services view's own requests (its list, a run's
    // statuses), sent before VS Code applied http.noProxy, may still arrive. The refused connection is the proof.

    await setHttp({ noProxy: ['127.0.0.1'] });
    await vscode.workspace.getConfiguration('polyaxon').update('host', `http://127.0.0.1:${port}`, vscode.ConfigurationTarget.Global);
    assert.strictEqual((await testConnection()).version, '1.11.3');
    assert.ok(
      fake.server.requests.some((r) => r.path === '/api/v1/installation'),
      'the fake was reached',
    );
    assert.deepStrictEqual(testConnectionsViaProxy(), [], 'the test connection did not go through the proxy');
  });
});
