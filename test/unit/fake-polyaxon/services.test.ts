import * as assert from 'assert';
import * as http from 'http';
import type * as net from 'net';
import type { Run } from '../../../src/polyaxon/types';
import { startFakePolyaxon, type ServiceBackend } from '../../fake-polyaxon/server';
import { call, waitFor } from './helpers';

const PROJECT = 'my-project-alice';
const svc = (prefix: string, uuid: string, rest = '') => `/${prefix}/v1/polyaxon-v1/default/${PROJECT}/runs/${uuid}/${rest}`;

/** A tiny backend: echoes method and path over HTTP (with an X-Frame-Options to hide), and bytes over an upgraded socket. */
async function startEchoBackend(): Promise<{ target: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-frame-options': 'DENY' });
    res.end(JSON.stringify({ method: req.method, path: req.url, origin: req.headers.origin ?? null }));
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket) => {
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Path: ${req.url}\r\n\r\n`);
    socket.on('data', (d) => socket.write(d));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { target: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, server };
}

describe('fake Polyaxon: service URLs', () => {
  it('shows a frameable page for a running service and nginx 502 otherwise', async () => {
    const fake = await startFakePolyaxon({ seed: 'demo', operator: false });
    try {
      const runs = (await call(fake, 'GET', `/api/v1/default/${PROJECT}/runs?query=kind:service`)).json.results as Run[];
      const running = runs.find((r) => r.status === 'running' && r.name === 'vscode-service')!;
      const queued = runs.find((r) => r.status === 'queued')!;
      const page = await call(fake, 'GET', svc('rewrite-services', running.uuid));
      assert.strictEqual(page.status, 200);
      assert.match(page.text, /<title>VS Code service vscode-service<\/title>/);
      assert.ok(page.text.includes(running.uuid));
      assert.strictEqual(page.headers.get('x-frame-options'), null);
      const bad = await call(fake, 'GET', svc('services', queued.uuid));
      assert.strictEqual(bad.status, 502);
      assert.match(bad.text, /502 Bad Gateway/);
      // The demo seed: a job the service queries filter out.
      assert.ok(runs.length > 0);
      assert.ok(!runs.some((r) => r.kind === 'job'));
      assert.strictEqual((await call(fake, 'GET', `/api/v1/default/${PROJECT}/runs?query=kind:job`)).json.count, 1);
    } finally {
      await fake.close();
    }
  });

  it('shows a Jupyter page under the v2 /{port}/ URL', async () => {
    const fake = await startFakePolyaxon({ seed: 'empty', operator: false, polyaxonVersion: 'v2' });
    try {
      const run = fake.addRun(PROJECT, { name: 'jupyterlab-notebook', kind: 'service', status: 'running' });
      const page = await call(fake, 'GET', svc('services', run.uuid, '8888/lab'));
      assert.match(page.text, /JupyterLab service jupyterlab-notebook/);
      assert.strictEqual((await call(fake, 'GET', svc('services', run.uuid, 'lab'))).status, 404, 'v2 needs the port segment');
      assert.strictEqual(
        (await call(fake, 'GET', svc('services', run.uuid, '8080/lab'))).status,
        502,
        'a port the service does not expose',
      );
    } finally {
      await fake.close();
    }
  });

  it('proxies HTTP and WebSocket upgrades to a backend, strips the rewrite prefix, stops the backend with the run', async () => {
    const echo = await startEchoBackend();
    const started: { uuid: string; baseUrl: string; rewritePath: boolean }[] = [];
    const stopped: string[] = [];
    const backend: ServiceBackend = {
      start: async (run, info) => {
        started.push({ uuid: run.uuid, ...info });
        return { target: echo.target };
      },
      stop: async (run) => {
        stopped.push(run.uuid);
      },
    };
    const fake = await startFakePolyaxon({
      seed: 'empty',
      operator: { queuedMs: 10, startingMs: 10, stoppingMs: 10 },
      serviceBackend: backend,
    });
    try {
      const vscode = fake.addRun(PROJECT, { name: 'vscode-service', kind: 'service', status: 'running' });
      assert.deepStrictEqual(started, [
        { uuid: vscode.uuid, baseUrl: `/rewrite-services/v1/polyaxon-v1/default/${PROJECT}/runs/${vscode.uuid}`, rewritePath: true },
      ]);
      const rewritten = await fetch(`${fake.url}${svc('rewrite-services', vscode.uuid, 'static/app.js?v=1')}`, {
        headers: { origin: 'vscode-webview://x' },
      });
      assert.deepStrictEqual(await rewritten.json(), { method: 'GET', path: '/static/app.js?v=1', origin: null });
      assert.strictEqual(rewritten.headers.get('x-frame-options'), null);
      const kept = await call(fake, 'POST', svc('services', vscode.uuid, 'api'), { a: 1 });
      assert.deepStrictEqual(kept.json, { method: 'POST', path: svc('services', vscode.uuid, 'api'), origin: null });

      const echoed = await new Promise<string>((resolve, reject) => {
        const req = http.request(`${fake.url}${svc('rewrite-services', vscode.uuid, 'stable-1/socket?reconnection=false')}`, {
          headers: {
            Connection: 'Upgrade',
            Upgrade: 'websocket',
            'Sec-WebSocket-Version': '13',
            'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
          },
        });
        req.on('upgrade', (res, socket) => {
          assert.strictEqual(res.headers['x-path'], '/stable-1/socket?reconnection=false');
          socket.once('data', (d: Buffer) => {
            resolve(d.toString());
            socket.destroy();
          });
          socket.write('ping');
        });
        req.on('error', reject);
        req.end();
      });
      assert.strictEqual(echoed, 'ping');

      await call(fake, 'POST', `/api/v1/default/${PROJECT}/runs/${vscode.uuid}/stop`);
      await waitFor('backend stopped', () => stopped.includes(vscode.uuid));
      assert.strictEqual((await call(fake, 'GET', svc('rewrite-services', vscode.uuid))).status, 502);

      const other = fake.addRun(PROJECT, { name: 'vscode-service', kind: 'service', status: 'running' });
      await call(fake, 'DELETE', `/api/v1/default/${PROJECT}/runs/${other.uuid}`);
      await waitFor('backend stopped on delete', () => stopped.includes(other.uuid));
      fake.addRun(PROJECT, { name: 'vscode-service', kind: 'service', status: 'running' });
    } finally {
      await fake.close();
      echo.server.close();
    }
    assert.strictEqual(stopped.length, 3, 'close() stops the remaining backend');
  });
});
