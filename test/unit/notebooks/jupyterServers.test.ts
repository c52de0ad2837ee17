import * as assert from 'assert';
import type { Run } from '../../../src/polyaxon/types';
import { gatewayHeaders } from '../../../src/connection/gatewayHeaders';
import {
  jupyterServerId,
  notAKernelServerMessage,
  notRunningMessage,
  parseJupyterServerId,
  runningJupyterServers,
  xsrfHeaders,
} from '../../../src/notebooks/jupyterServers';
import type { ServicesSnapshot } from '../../../src/runs/servicesSnapshot';

const run = (uuid: string, name: string, status: Run['status'], tags: string[]): Run => ({ uuid, name, status, kind: 'service', tags });
const snapshot = (...projects: [string, Run[]][]): ServicesSnapshot => ({
  host: 'http://localhost:8117',
  fetchedAt: 0,
  projects: projects.map(([project, runs]) => ({ ref: { owner: 'default', project }, runs })),
});

describe('jupyterServers', () => {
  it('lists only running Jupyter services, as name · status, with the owner/project/uuid id', () => {
    const servers = runningJupyterServers(
      snapshot([
        'alice',
        [
          run('a1', 'jupyterlab-notebook', 'running', ['jupyter', 'notebook', 'lab']),
          run('a2', 'vscode-service', 'running', ['vscode']),
          run('a3', 'jupyterlab-notebook', 'queued', ['jupyter']),
          run('a4', 'jupyterlab-notebook', 'stopped', ['jupyter']),
        ],
      ]),
    );
    assert.deepStrictEqual(servers, [
      { id: 'default/alice/a1', label: 'jupyterlab-notebook · Running', ref: { owner: 'default', project: 'alice', uuid: 'a1' } },
    ]);
  });

  it('names the project when several are shown', () => {
    const servers = runningJupyterServers(
      snapshot(['alice', [run('a1', 'nb', 'running', ['jupyter'])]], ['bob', [run('b1', 'nb', 'running', ['jupyter'])]]),
    );
    assert.deepStrictEqual(
      servers.map((s) => s.label),
      ['nb · Running · alice', 'nb · Running · bob'],
    );
  });

  it('lists nothing before the first fetch', () => {
    assert.deepStrictEqual(runningJupyterServers(undefined), []);
  });

  it('reads back the run from a server id, odd project names included', () => {
    const ref = { owner: 'default', project: 'a/b c', uuid: 'u1' };
    assert.deepStrictEqual(parseJupyterServerId(jupyterServerId(ref)), ref);
    assert.strictEqual(parseJupyterServerId('not-an-id'), undefined);
    assert.strictEqual(parseJupyterServerId('a//c'), undefined);
  });

  it('reads a bad percent-encoding as no server id, not a URIError', () => {
    assert.strictEqual(parseJupyterServerId('default/p/%E0%A4%A'), undefined);
    assert.strictEqual(parseJupyterServerId('%/p/u'), undefined);
  });

  it('takes only running Jupyter services as kernel servers', () => {
    const service = (name: string, status: Run['status'], tags: string[]): Run => run('u', name, status, tags);
    assert.strictEqual(notAKernelServerMessage(service('jupyterlab-notebook', 'running', ['jupyter'])), undefined);
    assert.match(notAKernelServerMessage(service('vscode-service', 'running', ['vscode'])) ?? '', /"vscode-service" is a VS Code service/);
    assert.match(notAKernelServerMessage(service('tensorboard', 'running', ['board'])) ?? '', /"tensorboard" is not a Jupyter service/);
    assert.match(notAKernelServerMessage({ ...service('nb', 'running', ['jupyter']), kind: 'job' }) ?? '', /"nb" is not a Jupyter service/);
    assert.match(notAKernelServerMessage(service('nb', 'stopped', ['jupyter'])) ?? '', /"nb" is stopped, not running/);
  });

  it('makes a matching _xsrf cookie and X-XSRFToken header, new each time', () => {
    const first = xsrfHeaders();
    const value = first['X-XSRFToken'];
    assert.match(value, /^[0-9a-f]{64}$/);
    assert.deepStrictEqual(first, { Cookie: `_xsrf=${value}`, 'X-XSRFToken': value });
    assert.notStrictEqual(xsrfHeaders()['X-XSRFToken'], value);
  });

  it('sends the token to the configured host only', () => {
    const host = 'https://polyaxon.example.com';
    assert.deepStrictEqual(gatewayHeaders(host, 'tok', `${host}/services/v1/ns/default/p/runs/u/`), { Authorization: 'Token tok' });
    assert.deepStrictEqual(gatewayHeaders(host, 'tok', 'https://evil.example.com/services/v1/ns/default/p/runs/u/'), {});
    assert.deepStrictEqual(gatewayHeaders(host, 'tok', 'http://polyaxon.example.com/services/'), {}, 'another scheme is another origin');
    assert.deepStrictEqual(
      gatewayHeaders(host, 'tok', 'https://polyaxon.example.com:8443/services/'),
      {},
      'another port is another origin',
    );
    assert.deepStrictEqual(gatewayHeaders(host, undefined, `${host}/services/`), {});
  });

  it('explains a service that is not running, and passes a running one', () => {
    assert.strictEqual(notRunningMessage('nb', 'running'), undefined);
    assert.match(notRunningMessage('nb', 'stopped') ?? '', /"nb" is stopped, not running/);
    assert.match(notRunningMessage('nb', 'queued') ?? '', /"nb" is queued, not running.*Launch a Jupyter Lab service on Polyaxon…/);
  });
});
