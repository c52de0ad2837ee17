// The "Polyaxon" Jupyter server collection, seen from the Jupyter extension's side (the stand-in in
// test/jupyter-stand-in records it), against the fake Polyaxon whose Jupyter services are real Jupyter servers.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ACTIVE_SERVICES_QUERY } from '../../src/polyaxon/statuses';
import type { JupyterServer } from '@vscode/jupyter-extension';
import type { PolyaxonTestApi } from '../../src/api';
import type { Run } from '../../src/polyaxon/types';
import { jupyterBackend } from '../fake-polyaxon/jupyter-backend';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import type { JupyterStandIn, RecordedCollection } from '../jupyter-stand-in/extension';
import { runInNewSession } from '../jupyter-stand-in/jupyterSession';
import { extension, sleep, startFakeServer, waitFor } from './helpers';

const PROJECT = 'my-project-alice';
const none = () => new vscode.CancellationTokenSource().token;

function standIn(): JupyterStandIn {
  const ext = vscode.extensions.getExtension<JupyterStandIn>('ms-toolsai.jupyter');
  if (!ext) {
    throw new Error(
      'ms-toolsai.jupyter is not loaded: run the suite with  --extension test/jupyter-stand-in  (npm run test:integration does)',
    );
  }
  return ext.exports;
}

describe('notebooks: the Polyaxon Jupyter server collection', function () {
  this.timeout(120000);
  let fake: FakePolyaxon;
  let stop: () => Promise<void>;
  let api: PolyaxonTestApi;
  let collection: RecordedCollection;
  let stateDir: string;

  /** A Jupyter service in `running`, as if launched from the AISG polyaxonfile; the sandbox starts a real Jupyter for it. */
  const addJupyter = (name: string): Run =>
    fake.addRun(PROJECT, { name, kind: 'service', tags: ['jupyter', 'notebook', 'lab'], status: 'running' });
  const servers = async () => (await collection.serverProvider.provideJupyterServers(none())) ?? [];
  const serverOf = async (uuid: string) => (await servers()).find((s) => s.id.endsWith(`/${uuid}`));

  before(async () => {
    api = (await extension().activate()) as PolyaxonTestApi;
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyaxon-notebooks-'));
    const backend = jupyterBackend({ stateDir });
    assert.ok(backend, 'no `jupyter` command: apt-get install python3-jupyter-server jupyter-notebook python3-ipykernel (setup.sh does)');
    ({ server: fake, stop } = await startFakeServer({
      serviceBackend: backend,
      operator: { queuedMs: 200, startingMs: 200, stoppingMs: 200 },
    }));
    collection = await waitFor(
      () => standIn().collections.find((c) => c.id === 'polyaxon' && !c.disposed),
      'the extension registered its collection',
    );
  });

  after(async () => {
    await stop?.();
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('registers one collection labelled Polyaxon, with a command item', async () => {
    assert.strictEqual(collection.label, 'Polyaxon');
    assert.strictEqual(standIn().collections.filter((c) => c.id === 'polyaxon' && !c.disposed).length, 1);
    assert.ok(collection.commandProvider, 'no command provider');
    const commands = (await collection.commandProvider.provideCommands(undefined, none())) ?? [];
    assert.deepStrictEqual(
      commands.map((c) => c.label),
      ['Launch a Jupyter Lab service on Polyaxon…'],
    );
    assert.strictEqual(api.jupyter.registered, true);
  });

  it('lists running Jupyter services only, by name and status, and drops one that stops', async () => {
    // the demo seed has a running VS Code, a failed and a queued Jupyter: none of them is a kernel server
    assert.deepStrictEqual(await servers(), []);
    const run = addJupyter('notebook-for-listing');
    const listed = await waitFor(() => serverOf(run.uuid), 'the running Jupyter service is listed');
    assert.strictEqual(listed.id, `default/${PROJECT}/${run.uuid}`);
    assert.strictEqual(listed.label, 'notebook-for-listing · Running');

    let changes = 0;
    const listener = collection.serverProvider.onDidChangeServers?.(() => changes++);
    try {
      fake.setStatus(PROJECT, run.uuid, 'stopping');
      await waitFor(async () => (await serverOf(run.uuid)) === undefined, 'the stopping service left the list');
      assert.ok(changes > 0, 'onDidChangeServers did not fire when the list changed');
    } finally {
      listener?.dispose();
    }
  });

  it('resolves a server to its gateway URL, with the Polyaxon token as header for that host only', async () => {
    const run = addJupyter('notebook-for-resolve');
    const listed = await waitFor(() => serverOf(run.uuid), 'listed');
    const withoutToken = await collection.serverProvider.resolveJupyterServer(listed, none());
    assert.strictEqual(
      withoutToken?.connectionInformation?.baseUrl.toString(true),
      `${fake.url}/services/v1/polyaxon-v1/default/${PROJECT}/runs/${run.uuid}/`,
    );
    // besides the token, only the _xsrf pair (see xsrfHeaders)
    const names = (server: JupyterServer | null | undefined) => Object.keys(server?.connectionInformation?.headers ?? {}).sort();
    assert.deepStrictEqual(names(withoutToken), ['Cookie', 'X-XSRFToken']);

    await api.connections.setToken(fake.url, 'tok-for-the-gateway');
    try {
      const withToken = await collection.serverProvider.resolveJupyterServer(listed, none());
      assert.strictEqual(withToken?.connectionInformation?.headers?.Authorization, 'Token tok-for-the-gateway');
      assert.deepStrictEqual(names(withToken), ['Authorization', 'Cookie', 'X-XSRFToken']);
    } finally {
      await api.connections.setToken(fake.url, undefined);
    }
  });

  it('says why when the picked service no longer runs, without hanging', async () => {
    const run = addJupyter('notebook-that-stops');
    const listed = await waitFor(() => serverOf(run.uuid), 'listed');
    fake.setStatus(PROJECT, run.uuid, 'stopped');
    const started = Date.now();
    await assert.rejects(
      Promise.resolve(collection.serverProvider.resolveJupyterServer(listed, none())),
      /notebook-that-stops" is stopped, not running/,
    );
    assert.ok(Date.now() - started < 10000, 'resolving a stopped service took more than 10 s');
  });

  // The client is the real one: @jupyterlab/services in this extension host, driven by the stand-in as
  // ms-toolsai.jupyter drives it (test/jupyter-stand-in/jupyterSession.ts), with only the resolved baseUrl, token and
  // headers. The sandbox Jupyter runs with the bundled polyaxonfile's args: token-less, so every POST is XSRF-checked.
  it('runs print(6*7) on the real Jupyter behind the gateway through @jupyterlab/services, with only the resolved connection', async () => {
    const run = addJupyter('notebook-for-kernel');
    const listed = await waitFor(() => serverOf(run.uuid), 'listed');
    // a token, so that the headers the gateway gets are the ones a token-protected cluster needs
    await api.connections.setToken(fake.url, 'tok-kernel');
    try {
      assert.strictEqual(await standIn().runOnServer('polyaxon', listed.id, 'print(6*7)'), '42\n');
    } finally {
      await api.connections.setToken(fake.url, undefined);
    }
    const kernelRequests = fake.requests.filter((r) => r.path.includes(`/runs/${run.uuid}/api/`));
    assert.ok(
      kernelRequests.some((r) => r.method === 'POST' && r.path.includes('/api/sessions')),
      'no session was started through the gateway',
    );
    assert.ok(
      kernelRequests.some((r) => r.path.includes('/channels?')),
      'no kernel WebSocket went through the gateway',
    );
    assert.ok(
      kernelRequests.every((r) => r.headers.authorization === 'Token tok-kernel'),
      'a Jupyter request reached the gateway without the token',
    );
  });

  it('fails with the 403 of the XSRF check when the connection lacks the _xsrf pair (the connection before the fix)', async () => {
    const run = addJupyter('notebook-without-xsrf');
    const listed = await waitFor(() => serverOf(run.uuid), 'listed');
    const resolved = await collection.serverProvider.resolveJupyterServer(listed, none());
    const info = resolved?.connectionInformation;
    assert.ok(info, 'resolved without connection information');
    const { Cookie, 'X-XSRFToken': xsrf, ...gatewayOnly } = info.headers ?? {};
    assert.ok(Cookie && xsrf, 'the resolved headers have no _xsrf pair');
    await assert.rejects(
      runInNewSession({ baseUrl: info.baseUrl.toString(true), token: info.token, headers: gatewayOnly }, 'print(6*7)'),
      /'_xsrf' argument missing from POST/,
    );
  });

  it('launches a Jupyter service from the command item and hands it over once it runs', async () => {
    const earlier = new Set(fake.requests);
    // The services added above are running Jupyter services too, and the form would offer to open one first: stop
    // them, so that accepting each step's default launches a new one.
    const conn = await api.connections.get();
    const active = await conn.client.listRuns({ owner: 'default', project: PROJECT }, { query: ACTIVE_SERVICES_QUERY, limit: 100 });
    for (const run of active.results) fake.setStatus(PROJECT, run.uuid, 'stopped');
    // The launch asks about an active service from the services list while it is fresh: wait until it shows them stopped.
    const stopped = new Set(active.results.map((r) => r.uuid));
    api.model.refreshNow();
    await waitFor(
      () => api.model.snapshot?.projects.every((p) => p.runs.every((r) => !stopped.has(r.uuid) || r.status === 'stopped')),
      'the services list shows them stopped',
    );
    const previousPrompts = api.prompts.current;
    api.prompts.current = { confirm: async () => false, choose: async () => undefined };
    try {
      const handling = Promise.resolve(
        collection.commandProvider?.handleCommand({ label: 'Launch a Jupyter Lab service on Polyaxon…' }, none()),
      );
      let settled = false;
      void handling.finally(() => {
        settled = true;
      });
      // the wizard: accept each step's default (image, working dir, name, review) until the run is created
      while (!settled && !fake.requests.some((r) => !earlier.has(r) && r.method === 'POST' && r.path.endsWith('/runs'))) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await sleep(250);
      }
      const server = await handling;
      assert.ok(server, 'no server handed over');
      const uuid = server.id.split('/').pop() ?? '';
      assert.strictEqual(fake.getRun(PROJECT, uuid)?.status, 'running');
      assert.ok(await serverOf(uuid), 'the launched service is not in the list');
    } finally {
      api.prompts.current = previousPrompts;
    }
  });

  it('launches nothing when the wizard is dismissed from the kernel picker', async () => {
    const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/runs')).length;
    const count = posts();
    const handling = Promise.resolve(
      collection.commandProvider?.handleCommand({ label: 'Launch a Jupyter Lab service on Polyaxon…' }, none()),
    );
    // The checks come first; the last one before the form lists the run names for the default name.
    const namesListed = () => fake.requests.some((r) => decodeURIComponent(r.path).includes('query=name:jupyter-'));
    await waitFor(namesListed, 'the launch looked up the run names');
    await sleep(300);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await handling, undefined);
    assert.strictEqual(posts(), count);
  });

  it('offers Use as Notebook Kernel… and opens a notebook for a running Jupyter service', async () => {
    const run = addJupyter('notebook-for-editor');
    await waitFor(() => serverOf(run.uuid), 'listed');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'polyaxon.useAsNotebookKernel',
      { uuid: run.uuid, project: PROJECT },
      'new',
    );
    assert.ok(uri, 'no notebook opened');
    await waitFor(
      () => vscode.window.activeNotebookEditor?.notebook.uri.toString() === uri.toString(),
      'the notebook is the active editor',
    );
    assert.strictEqual(vscode.window.activeNotebookEditor?.notebook.notebookType, 'jupyter-notebook');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen'); // the kernel picker it opened
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
