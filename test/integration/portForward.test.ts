// Connect to Cluster… in the real extension host: kubectl is the stand-in of test/fake-kubectl (first on PATH),
// which hands `config …` and unknown contexts to the real kubectl, and forwards to the fake Polyaxon server.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { ConnectOutcome } from '../../src/portForward/vscode/portForwardCommands';
import type { ForwardState } from '../../src/portForward/supervisor';
import { windowPrompts } from '../../src/workbench/vscode/windowPrompts';
import type { FakeKubectlState } from '../fake-kubectl/state';
import { startFakePolyaxon, type FakePolyaxon } from '../fake-polyaxon/server';
import { REPO_ROOT, extension, setSettings, waitFor } from './helpers';

const CONTEXT = 'gke_aisg-test_asia-southeast1_polyaxon';
const NAMESPACE = 'polyaxon-v1';
const GATEWAY = 'polyaxon-polyaxon-gateway';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster: {server: 'https://127.0.0.1:1'}
  name: test
contexts:
- context: {cluster: test, user: alice}
  name: ${CONTEXT}
- context: {cluster: test, user: alice}
  name: kind-local
current-context: ${CONTEXT}
users:
- name: alice
  user: {token: not-a-secret}
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('Connect to Cluster… (a managed, self-healing port-forward)', function () {
  this.timeout(60_000);
  let api: PolyaxonTestApi;
  let server: FakePolyaxon;
  let dir: string;
  let stateFile: string;
  let pidFile: string;
  let localPort: number;
  let restoreSettings: () => Promise<void>;
  const savedEnv = { ...process.env };

  const writeState = (change: Partial<FakeKubectlState> = {}) => {
    const state: FakeKubectlState = {
      target: { host: '127.0.0.1', port: Number(new URL(server.url).port) },
      namespaces: { [NAMESPACE]: [GATEWAY, 'polyaxon-polyaxon-api', 'polyaxon-polyaxon-streams'], other: ['postgres', 'redis-master'] },
      pidFile,
      ...change,
    };
    fs.writeFileSync(stateFile, JSON.stringify(state));
  };
  const connect = async (args: Record<string, unknown> = {}): Promise<ConnectOutcome> =>
    vscode.commands.executeCommand<ConnectOutcome>('polyaxon.connectCluster', {
      context: CONTEXT,
      namespace: NAMESPACE,
      service: GATEWAY,
      localPort,
      ...args,
    });
  const upPid = (): number | undefined => (api.portForward.state.kind === 'up' ? api.portForward.state.pid : undefined);

  before(async () => {
    api = (await extension().activate()) as PolyaxonTestApi;
    server = await startFakePolyaxon({ seed: 'demo' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyaxon-portforward-'));
    stateFile = path.join(dir, 'state.json');
    pidFile = path.join(dir, 'pids');
    fs.writeFileSync(path.join(dir, 'kubeconfig'), KUBECONFIG);
    writeState();
    // The extension runs kubectl with this process's environment, as it would the user's.
    process.env.PATH = `${path.join(REPO_ROOT, 'test/fake-kubectl/bin')}${path.delimiter}${process.env.PATH}`;
    process.env.KUBECONFIG = path.join(dir, 'kubeconfig');
    process.env.FAKE_KUBECTL_STATE = stateFile;
    process.env.FAKE_KUBECTL_NODE = process.execPath;
    localPort = await freePort();
    // No polyaxon.host: the forward's localhost is then the host (the runner's $POLYAXON_HOST is overridden).
    restoreSettings = await setSettings({ host: undefined, project: 'my-project-alice', owner: 'default' });
  });

  after(async () => {
    api.prompts.current = windowPrompts;
    await vscode.commands.executeCommand('polyaxon.disconnectCluster');
    await restoreSettings();
    for (const key of ['PATH', 'KUBECONFIG', 'FAKE_KUBECTL_STATE', 'FAKE_KUBECTL_NODE']) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('connects, and the Services tree loads through the forward', async () => {
    const outcome = await connect();
    assert.ok(outcome.connected, JSON.stringify(outcome));
    const pid = upPid();
    assert.ok(pid && alive(pid), 'kubectl runs');
    assert.ok(fs.readFileSync(pidFile, 'utf8').split('\n').includes(String(pid)), 'the pid is the port-forward’s');
    const described = await api.connections.describe();
    assert.deepStrictEqual([described.host, described.hostSource], [`http://localhost:${localPort}`, 'portForward']);
    const before = server.requests.length;
    await api.model.refresh();
    assert.strictEqual(api.model.lastError, undefined);
    assert.strictEqual(api.model.snapshot?.host, `http://localhost:${localPort}`);
    assert.ok((api.model.snapshot?.projects[0].runs.length ?? 0) > 0, 'services listed');
    assert.ok(
      server.requests.slice(before).some((r) => r.path.includes('/runs')),
      'the list came through the forward',
    );
    assert.match(api.portForwardStatusBar.text ?? '', new RegExp(`^\\$\\(plug\\) Polyaxon :${localPort}$`));
  });

  it('leaves a polyaxon.host that the user set alone', async () => {
    const restore = await setSettings({ host: server.url });
    try {
      assert.deepStrictEqual(await api.connections.describe().then((d) => [d.host, d.hostSource]), [server.url, 'setting']);
    } finally {
      await restore();
    }
    assert.strictEqual((await api.connections.describe()).hostSource, 'portForward');
  });

  it('heals a killed forward with no user action: "reconnecting…", then the tree answers again', async () => {
    await api.model.refresh(); // a list on screen: the restart then shows as a message above it
    assert.ok(api.model.snapshot);
    const oldPid = upPid()!;
    const seen: { kind: ForwardState['kind']; viewMessage: string | undefined }[] = [];
    const listening = api.portForward.onDidChange((s) => seen.push({ kind: s.kind, viewMessage: api.services.treeView.message }));
    try {
      const killedAt = Date.now();
      process.kill(oldPid, 'SIGKILL');
      await waitFor(() => upPid() !== undefined && upPid() !== oldPid, 'a new kubectl forwards', 20_000, 20);
      // The view refreshes by itself once the forward is back: nobody calls refresh() here.
      await waitFor(() => (api.model.snapshot?.fetchedAt ?? 0) > killedAt && !api.model.lastError, 'the tree answers again', 20_000, 20);
      const healedMs = Date.now() - killedAt;
      console.log(`port-forward: killed forward to a tree that answers again in ${healedMs} ms`);
      assert.ok(!alive(oldPid));
      const reconnecting = seen.find((s) => s.kind === 'reconnecting');
      assert.ok(reconnecting, `states seen: ${seen.map((s) => s.kind).join(', ')}`);
      assert.strictEqual(reconnecting.viewMessage, 'Port-forward reconnecting…');
      assert.strictEqual(api.services.treeView.message, undefined);
      assert.ok(healedMs < 10_000, `${healedMs} ms`);
    } finally {
      listening.dispose();
    }
  });

  it('keeps restarting a forward that loses its pod, tells why after repeated failures, and recovers', async () => {
    const told: string[] = [];
    api.prompts.current = { ...windowPrompts, choose: async (message) => (told.push(message), undefined) };
    writeState({ exitAfterSeconds: 0.3 });
    await vscode.commands.executeCommand('polyaxon.reconnectCluster');
    await waitFor(() => api.portForward.state.kind === 'failed', 'the third failure in a row', 20_000, 50);
    await waitFor(() => told.length > 0, 'the user is told', 5_000);
    assert.strictEqual(told.length, 1);
    assert.match(told[0], /keeps failing\. kubectl lost the connection to the gateway pod.*error: lost connection to pod/);
    assert.match(api.portForwardStatusBar.text ?? '', /^\$\(error\) Polyaxon :\d+$/);
    writeState();
    await waitFor(() => upPid() !== undefined, 'up again once the pod stays', 30_000, 50);
    assert.strictEqual(told.length, 1, 'told once');
  });

  describe('says why it cannot connect', () => {
    before(async () => {
      await vscode.commands.executeCommand('polyaxon.disconnectCluster');
    });
    afterEach(async () => {
      writeState();
      assert.notStrictEqual((await api.connections.describe()).hostSource, 'portForward', 'the host is given back');
    });

    const cases: [string, () => Promise<ConnectOutcome | undefined>, string, RegExp | (() => RegExp)][] = [
      [
        'kubectl not found, with how to install it',
        async () => {
          const restore = await setSettings({ kubectlPath: '/nonexistent/bin/kubectl' });
          try {
            return await connect();
          } finally {
            await restore();
          }
        },
        'kubectlNotFound',
        /kubectl was not found at \/nonexistent\/bin\/kubectl \(polyaxon\.kubectlPath\)\. Install it \(https:\/\/kubernetes\.io\/docs\/tasks\/tools\//,
      ],
      [
        'no such context, with the real kubectl’s words',
        () => connect({ context: 'gke_deleted' }),
        'noContext',
        /"gke_deleted" does not exist in your kubeconfig.*error: context "gke_deleted" does not exist/,
      ],
      [
        'no such namespace',
        () => connect({ namespace: 'polyaxon-v2' }),
        'noNamespace',
        /namespace "polyaxon-v2" does not exist.*namespaces "polyaxon-v2" not found/,
      ],
      [
        'forbidden by RBAC, with kubectl’s exact line',
        async () => (writeState({ forbidden: true }), connect()),
        'forbidden',
        /RBAC.*kubectl said: Error from server \(Forbidden\): services is forbidden: User "alice@example\.com" cannot list resource "services" in API group "" in the namespace "polyaxon-v1"$/,
      ],
      [
        'no gateway service, with the services found',
        () => connect({ namespace: 'other', service: 'postgres' }),
        'noService',
        /No Polyaxon gateway.*Services found: postgres, redis-master\./,
      ],
      [
        'the port is taken by another process',
        async () => {
          const squatter = net.createServer().listen(localPort, '127.0.0.1');
          await new Promise((r) => squatter.once('listening', r));
          try {
            return await connect();
          } finally {
            await new Promise((r) => squatter.close(r));
          }
        },
        'portInUse',
        () => new RegExp(`Local port ${localPort} is taken by another process`),
      ],
    ];
    for (const [title, attempt, kind, message] of cases) {
      it(title, async () => {
        const outcome = await attempt();
        assert.ok(outcome && !outcome.connected && outcome.error, JSON.stringify(outcome));
        assert.strictEqual(outcome.error.kind, kind);
        assert.match(outcome.error.message, typeof message === 'function' ? message() : message);
      });
    }
  });

  it('Disconnect ends kubectl and gives the host back', async () => {
    const outcome = await connect();
    assert.ok(outcome.connected, JSON.stringify(outcome));
    const pid = upPid()!;
    await vscode.commands.executeCommand('polyaxon.disconnectCluster');
    assert.strictEqual(api.portForward.state.kind, 'off');
    assert.ok(!alive(pid), `kubectl ${pid} still runs`);
    assert.notStrictEqual((await api.connections.describe()).hostSource, 'portForward');
  });

  // Mocha runs a suite's own tests before its nested suites: this one, declared last, runs last, because
  // deactivate() ends the forward for good in this extension host.
  describe('deactivation', () => {
    it('leaves no kubectl process behind on deactivation (checked by pid)', async () => {
      const outcome = await connect();
      assert.ok(outcome.connected, JSON.stringify(outcome));
      const pid = upPid()!;
      assert.ok(alive(pid));
      // The very module the extension host loaded (same require cache), so this is the extension's own deactivate().
      const loaded = require.cache[require.resolve(path.join(REPO_ROOT, 'dist/extension.js'))];
      assert.ok(loaded, 'dist/extension.js is loaded in this extension host');
      await (loaded.exports as { deactivate(): Promise<void> }).deactivate();
      assert.ok(!alive(pid), `kubectl ${pid} outlived deactivate()`);
      const started = fs.readFileSync(pidFile, 'utf8').split('\n').filter(Boolean).map(Number);
      assert.ok(started.length > 0);
      assert.deepStrictEqual(started.filter(alive), [], 'every port-forward this suite started has ended');
    });

    it('autoStart brings back the forward of the last session, but not after Disconnect or with the setting off', async () => {
      const restore = await setSettings({ 'portForward.autoStart': false });
      try {
        assert.strictEqual(api.portForward.autoStart(), false);
      } finally {
        await restore();
      }
      assert.strictEqual(api.portForward.autoStart(), true, 'the window closed (deactivated) with a forward running');
      await waitFor(() => upPid() !== undefined, 'the remembered forward is up', 20_000, 50);
      assert.strictEqual((await api.connections.describe()).host, `http://localhost:${localPort}`);
      await vscode.commands.executeCommand('polyaxon.disconnectCluster');
      assert.strictEqual(api.portForward.autoStart(), false);
      assert.strictEqual(api.portForward.state.kind, 'off');
    });
  });
});
