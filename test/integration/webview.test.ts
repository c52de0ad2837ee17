// The service webview in the real extension host, against the fake Polyaxon gateway.
import * as assert from 'assert';
import { DEFAULT_TIMING } from '../../src/runs/pollTiming';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import type { Run } from '../../src/polyaxon/types';
import type { RunRef } from '../../src/polyaxon/types';
import type { OpenServicePanel, ServiceWebviews } from '../../src/serviceTab/vscode/serviceWebview';
import type { FakePolyaxon, FakeOptions } from '../fake-polyaxon/server';
import { extension, startFakeServer, waitFor } from './helpers';

const PROJECT = 'my-project-alice';

interface Fixture {
  fake: FakePolyaxon;
  webviews: ServiceWebviews;
  stop(): Promise<void>;
}

async function setUp(options: FakeOptions): Promise<Fixture> {
  const { webviews } = (await extension().activate()) as { webviews: ServiceWebviews };
  // operator: false — statuses move only when a test says so.
  const { server, stop } = await startFakeServer({ seed: 'empty', project: PROJECT, operator: false, ...options });
  return { fake: server, webviews, stop };
}

function addService(fake: FakePolyaxon, status: Run['status']): { run: Run; ref: RunRef } {
  const run = fake.addRun(PROJECT, { name: 'vscode-service', kind: 'service', status });
  return { run, ref: { owner: 'default', project: PROJECT, uuid: run.uuid } };
}

/**
 * What the iframe must load: the service URL (trailing slash). code-server's asExternalUri would map this localhost
 * URL to its own origin (/proxy/<port>/), which the extension declines, so the direct URL is expected here.
 */
async function externalServiceUrl(fake: FakePolyaxon, ref: RunRef): Promise<string> {
  // Written out from Polyaxon's gateway routes (API.md): /{services|rewrite-services}/v1/{namespace}/{owner}/{project}/runs/{uuid}/
  const run = fake.getRun(PROJECT, ref.uuid)!;
  const prefix = run.meta_info?.rewrite_path ? 'rewrite-services' : 'services';
  const internal = `${fake.url}/${prefix}/v1/${run.settings?.namespace}/default/${PROJECT}/runs/${ref.uuid}/`;
  const mapped = (await vscode.env.asExternalUri(vscode.Uri.parse(internal))).toString(true);
  assert.match(mapped, /^http:\/\/127\.0\.0\.1:\d+\/proxy\/\d+\//, `code-server maps ${internal} to /proxy/ on its own origin`);
  assert.notStrictEqual(new URL(mapped).origin, new URL(internal).origin);
  return internal;
}

function serviceTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('polyaxon.service'));
}

/** The service's panel once it shows `kind`. */
function panelIn(webviews: ServiceWebviews, ref: RunRef, kind: string): OpenServicePanel | undefined {
  const open = webviews.panelFor(ref);
  return open?.state.kind === kind ? open : undefined;
}

async function closeAll(webviews: ServiceWebviews, refs: RunRef[]): Promise<void> {
  for (const ref of refs) webviews.panelFor(ref)?.panel.dispose();
}

describe('service webview', () => {
  let fx: Fixture;
  const opened: RunRef[] = [];

  before(async function () {
    this.timeout(60_000); // the first activation and settings write can be slow on a busy machine
    fx = await setUp({});
  });

  after(async () => {
    if (!fx) return;
    await closeAll(fx.webviews, opened);
    await fx.stop();
  });

  it('frames a running service at its URL, allowing only that origin', async () => {
    const { ref } = addService(fx.fake, 'running');
    opened.push(ref);
    await fx.webviews.openInWebview(ref);
    const open = await waitFor(() => panelIn(fx.webviews, ref, 'running'), 'panel shows the service');
    const url = await externalServiceUrl(fx.fake, ref);
    const html = open.html();
    assert.ok(url.endsWith('/'), url);
    assert.ok(html.includes(`<iframe id="service" src="${url}"`), html);
    assert.ok(html.includes(`frame-src ${new URL(url).origin};`), html);
    assert.match(html, /sandbox="allow-scripts allow-forms allow-same-origin allow-popups allow-downloads allow-modals"/);
    assert.ok(html.includes(ref.uuid), 'the page keeps the RunRef for restoring after a reload');
    assert.strictEqual(open.panel.title, 'vscode-service');
  });

  it('reuses the tab when the same service is opened again', async () => {
    const ref = opened[0];
    const first = fx.webviews.panelFor(ref)?.panel;
    const tabsBefore = serviceTabs().length;
    await fx.webviews.openInWebview(ref);
    assert.strictEqual(fx.webviews.panelFor(ref)?.panel, first);
    assert.strictEqual(serviceTabs().length, tabsBefore);
  });

  it('tells two tabs of the same name apart, and drops the difference once one closes', async () => {
    const twin = () => {
      const run = fx.fake.addRun(PROJECT, { name: 'twin-service', kind: 'service', status: 'running' });
      return { owner: 'default', project: PROJECT, uuid: run.uuid };
    };
    const [a, b] = [twin(), twin()];
    for (const ref of [a, b]) {
      await fx.webviews.openInWebview(ref);
      await waitFor(() => panelIn(fx.webviews, ref, 'running'), 'panel shows the service');
    }
    const title = (ref: RunRef) => fx.webviews.panelFor(ref)?.panel.title;
    await waitFor(() => title(a) === `twin-service · ${a.uuid.slice(0, 8)}` || undefined, `a told apart (${title(a)})`);
    assert.strictEqual(title(b), `twin-service · ${b.uuid.slice(0, 8)}`);
    fx.webviews.panelFor(b)?.panel.dispose();
    await waitFor(() => title(a) === 'twin-service' || undefined, `a alone again (${title(a)})`);
    fx.webviews.panelFor(a)?.panel.dispose();
  });

  it("shows a queued service's status, then loads it once it runs, in the same page (a new one may take the keyboard)", async () => {
    const { ref } = addService(fx.fake, 'queued');
    opened.push(ref);
    await fx.webviews.openInWebview(ref);
    const waiting = await waitFor(() => panelIn(fx.webviews, ref, 'waiting'), 'panel waits');
    assert.match(waiting.html(), /is <b>queued<\/b>/);
    assert.doesNotMatch(waiting.html(), /<iframe/);
    const page = waiting.panel.webview.html;
    fx.fake.setStatus(PROJECT, ref.uuid, 'running');
    const running = await waitFor(() => panelIn(fx.webviews, ref, 'running'), 'panel loads the service', 10000);
    const url = await externalServiceUrl(fx.fake, ref);
    assert.ok(running.html().includes(`src="${url}"`));
    // The first page already allowed the service's origin; the running view came as a message to it.
    assert.strictEqual(running.panel.webview.html, page, 'webview.html was set again');
    assert.ok(page.includes(`frame-src ${new URL(url).origin};`), page);
  });

  it('says why a service ended and offers Restart instead of the frame', async function () {
    // A steady run is polled at the slow interval (the run store's rule, shared with the tree): the tab notices
    // a failure that none of our actions caused within one slow interval.
    this.timeout(DEFAULT_TIMING.slowMs + 20_000);
    const ref = opened[opened.length - 1];
    fx.fake.setStatus(PROJECT, ref.uuid, 'failed', 'OperationFailed', 'Container polyaxon-main exited with 137');
    const ended = await waitFor(() => panelIn(fx.webviews, ref, 'ended'), 'panel notices the failure', DEFAULT_TIMING.slowMs + 10_000);
    const html = ended.html();
    assert.match(html, /exited with 137/);
    assert.match(html, /data-action="restart"/);
    assert.doesNotMatch(html, /<iframe|data-action="openInBrowser"/);
  });
});

describe('service webview, service refusing to be framed', () => {
  let fx: Fixture;
  let backend: http.Server;
  let ref: RunRef | undefined;

  before(async function () {
    this.timeout(60_000);
    // Jupyter's default: its own pages only (the gateway hides X-Frame-Options, not CSP).
    backend = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "frame-ancestors 'self'" });
      res.end('<p>jupyter</p>');
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    fx = await setUp({ serviceBackend: { start: async () => ({ target }), stop: async () => undefined } });
  });

  after(async () => {
    if (ref) await closeAll(fx.webviews, [ref]);
    await fx?.stop();
    await new Promise((resolve) => backend.close(resolve));
  });

  it('explains why and offers Open in Browser instead of a blank frame', async () => {
    ref = addService(fx.fake, 'running').ref;
    await fx.webviews.openInWebview(ref);
    const blocked = await waitFor(() => panelIn(fx.webviews, ref!, 'blocked'), 'panel explains the refusal');
    const html = blocked.html();
    assert.match(html, /frame-ancestors &#39;self&#39;/);
    assert.match(html, /data-action="openInBrowser"/);
    assert.doesNotMatch(html, /<iframe/);
  });
});
