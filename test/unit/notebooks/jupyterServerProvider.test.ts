// resolveJupyterServer, as the Jupyter extension calls it, over a stubbed connection: which runs get a URL, and
// what headers come with it.
import '../vscodeStub';
import * as assert from 'assert';
import type * as vscode from 'vscode';
import type { ConnectionManager } from '../../../src/connection/vscode/connectionManager';
import type { Run, RunRef } from '../../../src/polyaxon/types';
import { PolyaxonJupyterServers } from '../../../src/notebooks/vscode/jupyterServerProvider';
import type { ServicesModel } from '../../../src/runs/servicesModel';

const HOST = 'https://polyaxon.example.com';
const never: vscode.CancellationToken = {
  isCancellationRequested: false,
  onCancellationRequested: () => ({ dispose: () => undefined }),
};

function provider(runs: Record<string, Run>) {
  const asked: RunRef[] = [];
  const connections = {
    get: async () => ({
      host: HOST,
      owner: 'default',
      client: {
        getRun: async (ref: RunRef) => {
          asked.push(ref);
          return runs[ref.uuid];
        },
      },
    }),
    installation: async () => ({ version: '1.11.3' }),
    gatewayHeaders: async () => ({ Authorization: 'Token tok' }),
  } as unknown as ConnectionManager;
  const view = { onDidChange: () => ({ dispose: () => undefined }), refreshNow: () => undefined } as unknown as ServicesModel;
  const log = { info: () => undefined, warn: () => undefined } as unknown as vscode.LogOutputChannel;
  const servers = new PolyaxonJupyterServers({ view, connections, log, launchJupyter: async () => undefined });
  const resolve = (id: string) => Promise.resolve(servers.resolveJupyterServer({ id, label: id }, never));
  return { resolve, asked };
}

const jupyter: Run = { uuid: 'j1', name: 'jupyterlab-notebook', kind: 'service', status: 'running', tags: ['jupyter', 'notebook', 'lab'] };
const vscodeService: Run = { uuid: 'v1', name: 'vscode-service', kind: 'service', status: 'running', tags: ['vscode'] };
const notebookJob: Run = { uuid: 'n1', name: 'notebook-job', kind: 'job', status: 'running', tags: ['jupyter'] };

describe('PolyaxonJupyterServers.resolveJupyterServer', () => {
  it('resolves a running Jupyter service to its gateway URL, with the token and a matching _xsrf pair', async () => {
    const { resolve } = provider({ j1: jupyter });
    const server = await resolve('default/p/j1');
    const info = server?.connectionInformation;
    assert.strictEqual(info?.baseUrl.toString(true), `${HOST}/services/v1/polyaxon/default/p/runs/j1/`);
    const { Authorization, Cookie, 'X-XSRFToken': xsrf, ...rest } = info?.headers ?? {};
    assert.deepStrictEqual(rest, {});
    assert.strictEqual(Authorization, 'Token tok');
    assert.match(xsrf ?? '', /^[0-9a-f]{64}$/);
    assert.strictEqual(Cookie, `_xsrf=${xsrf}`);
    const again = await resolve('default/p/j1');
    assert.notStrictEqual(again?.connectionInformation?.headers?.['X-XSRFToken'], xsrf, 'the pair is made anew for each resolve');
  });

  it('refuses the id of a VS Code service: no URL, no token', async () => {
    const { resolve, asked } = provider({ v1: vscodeService });
    await assert.rejects(resolve('default/p/v1'), /"vscode-service" is a VS Code service, so it cannot run a kernel/);
    assert.deepStrictEqual(asked, [{ owner: 'default', project: 'p', uuid: 'v1' }], 'it read the run to know its kind');
  });

  it('refuses a run that is not a service, even tagged jupyter', async () => {
    const { resolve } = provider({ n1: notebookJob });
    await assert.rejects(resolve('default/p/n1'), /"notebook-job" is not a Jupyter service/);
  });

  it('says "not a Polyaxon Jupyter server id" for a bad percent-encoding, and asks the server nothing', async () => {
    const { resolve, asked } = provider({});
    await assert.rejects(resolve('default/p/%E0%A4%A'), (e: Error) => {
      assert.ok(!(e instanceof URIError), `a raw ${e.name}: ${e.message}`);
      assert.strictEqual(e.message, '"default/p/%E0%A4%A" is not a Polyaxon Jupyter server id (owner/project/uuid).');
      return true;
    });
    assert.deepStrictEqual(asked, []);
  });
});
