import * as assert from 'assert';
import { IFRAME_SANDBOX, newNonce, pageParts, parsePanelState, renderPage } from '../../../src/serviceTab/serviceWebviewHtml';
import { esc, pageLoaded, parseAction } from '../../../src/serviceTab/serviceTabToolbar';
import type { ServiceView } from '../../../src/serviceTab/serviceViews';

const assets = {
  cspSource: 'https://webview.test',
  scriptUri: 'https://webview.test/media/serviceWebview.js',
  styleUri: 'https://webview.test/media/serviceWebview.css',
  nonce: 'abc123',
};
const state = { owner: 'default', project: 'my-project-alice', uuid: '5180fcc7fddb44b28ceb22f418d7d2bb' };
const page = (view: ServiceView, title = 'vscode-service') => renderPage(assets, { title, state, view });
const csp = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1].replace(/&#39;/g, "'");
const actions = (html: string) => [...html.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]);
const URL_ =
  'http://127.0.0.1:8080/proxy/8117/rewrite-services/v1/polyaxon-v1/default/my-project-alice/runs/5180fcc7fddb44b28ceb22f418d7d2bb/';

describe('renderPage', () => {
  it('allows exactly the service origin in frame-src, never a whole scheme: an IPv6 host (which CSP cannot name) gets none', () => {
    const frameSrc = (url: string) => /frame-src ([^;]*)/.exec(csp(page({ kind: 'running', status: 'running', url })) ?? '')?.[1];
    assert.strictEqual(frameSrc(URL_), 'http://127.0.0.1:8080');
    assert.strictEqual(frameSrc('https://plx.example.com/services/v1/x/'), 'https://plx.example.com');
    for (const url of ['http://[::1]:8117/services/v1/x/', 'https://[2001:db8::5]/services/v1/x/', 'http://[::ffff:127.0.0.1]:80/x/']) {
      assert.strictEqual(frameSrc(url), "'none'", url);
    }
  });

  it('frames a running service, allowing only its origin in a strict CSP', () => {
    const html = page({ kind: 'running', status: 'running', url: URL_ });
    const iframe = `<iframe id="service" src="${URL_}" title="vscode-service" sandbox="${IFRAME_SANDBOX}" allow="clipboard-read; clipboard-write">`;
    assert.ok(html.includes(iframe));
    assert.strictEqual(
      csp(html),
      "default-src 'none'; frame-src http://127.0.0.1:8080; script-src 'nonce-abc123'; style-src https://webview.test; img-src https://webview.test",
    );
    assert.ok(html.includes('<script nonce="abc123" src="https://webview.test/media/serviceWebview.js"></script>'));
    assert.deepStrictEqual(actions(html), ['focusWorkbench', 'reload', 'openInBrowser', 'stop']);
  });

  it('keeps the framed service from taking the focus until the user shows it, and says how to get the keys back', () => {
    const html = page({ kind: 'running', status: 'running', url: URL_ });
    // Loaded but not rendered (main.guarded hides it) until the Show button or a click on the page.
    assert.match(
      html,
      /<main class="guarded"><section class="message reveal">[^]*id="show-service"[^]*<\/section><iframe[^>]*><\/iframe><\/main>/,
    );
    assert.match(html, /data-action="focusWorkbench" title="Give the keyboard back to this VS Code[^"]*">⇱ Back to VS Code</);
    assert.match(html, /data-action="openInBrowser" title="[^"]*keyboard-heavy work[^"]*"/);
    assert.doesNotMatch(page({ kind: 'waiting', status: 'queued' }), /guarded|data-action="focusWorkbench"/);
  });

  it("shows the service's CPUs and memory in the toolbar, escaped, and nothing when unknown", () => {
    const view: ServiceView = { kind: 'running', status: 'running', url: URL_ };
    const toolbar = (html: string) => /<header class="toolbar">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
    assert.match(
      toolbar(renderPage(assets, { title: 't', state, view, size: '3 CPUs, 6 GiB' })),
      /<span class="size"[^>]*>3 CPUs, 6 GiB<\/span>/,
    );
    assert.match(toolbar(renderPage(assets, { title: 't', state, view, size: '<b>' })), /&#60;b&#62;/);
    assert.doesNotMatch(toolbar(page(view)), /class="size"/);
  });

  it('may allow the origin the service will have before it runs, and gives the parts the page script swaps in', () => {
    const waiting: ServiceView = { kind: 'waiting', status: 'queued' };
    const html = renderPage(assets, { title: 't', state, view: waiting }, 'http://127.0.0.1:8080');
    assert.match(csp(html) ?? '', /frame-src http:\/\/127\.0\.0\.1:8080;/);
    assert.doesNotMatch(html, /<iframe/);
    const running = pageParts({ title: 't', state, view: { kind: 'running', status: 'running', url: URL_ }, size: '1 CPU, 2 GiB' });
    assert.strictEqual(running.guarded, true);
    assert.match(running.main, /<iframe id="service" src="[^"]+"/);
    assert.match(running.header, /1 CPU, 2 GiB[^]*data-action="focusWorkbench"/);
    assert.deepStrictEqual(running.state, state);
    // The whole page is made of the same parts.
    const page = renderPage(assets, { title: 't', state, view: { kind: 'running', status: 'running', url: URL_ }, size: '1 CPU, 2 GiB' });
    assert.ok(
      page.includes(`<header class="toolbar">${running.header}</header>`) && page.includes(`<main class="guarded">${running.main}</main>`),
    );
    assert.strictEqual(pageParts({ title: 't', state, view: waiting }).guarded, false);
  });

  it('frames nothing while the service is not running', () => {
    for (const view of [
      { kind: 'loading' },
      { kind: 'waiting', status: 'queued' },
      { kind: 'blocked', status: 'running', reason: 'it sends "X-Frame-Options: DENY"' },
      { kind: 'ended', status: 'stopped' },
      { kind: 'deleted' },
      { kind: 'error', message: 'Cannot reach Polyaxon' },
    ] as ServiceView[]) {
      const html = page(view);
      assert.doesNotMatch(html, /<iframe/, view.kind);
      assert.match(csp(html) ?? '', /frame-src 'none';/, view.kind);
    }
  });

  it("shows a waiting service's status and Polyaxon's last message", () => {
    const html = page({ kind: 'waiting', status: 'unschedulable', message: 'PodUnschedulable: 0/3 nodes are available' });
    assert.match(html, /● Unschedulable/);
    assert.match(html, /vscode-service is <b>unschedulable<\/b>/);
    assert.match(html, /0\/3 nodes are available/);
    assert.deepStrictEqual(actions(html), ['reload', 'stop']);
  });

  it('says a stopping service is stopping, with no Stop to press twice', () => {
    const html = page({ kind: 'waiting', status: 'stopping' });
    assert.match(html, /● Stopping/);
    assert.match(html, /vscode-service is <b>stopping<\/b>/);
    assert.doesNotMatch(html, /opens here as soon as it is running/);
    assert.deepStrictEqual(actions(html), ['reload']);
  });

  it('offers Restart, Launch Again and Close, not Open in Browser, once the service ended', () => {
    const html = page({ kind: 'ended', status: 'failed', message: 'OperationFailed: exited with 137' });
    assert.match(html, /class="status bad"/);
    assert.deepStrictEqual(actions(html), ['reload', 'restart', 'launchAgain', 'close']);
  });

  it('explains a refusal to be framed and offers the browser', () => {
    const html = page({ kind: 'blocked', status: 'running', reason: 'its Content-Security-Policy says "frame-ancestors \'self\'"' });
    assert.match(html, /cannot be shown inside VS Code: its Content-Security-Policy says &#34;frame-ancestors &#39;self&#39;&#34;/);
    assert.deepStrictEqual(actions(html), ['reload', 'openInBrowser', 'stop']);
  });

  it('offers Launch Again and Close for a deleted service', () => {
    const html = page({ kind: 'deleted' });
    assert.match(html, /it was deleted from Polyaxon/);
    assert.deepStrictEqual(actions(html), ['launchAgain', 'close']);
  });

  it('says a tab from another host is on that host, never that it was deleted, and offers only Switch Back and Close', () => {
    const html = page({ kind: 'otherHost', host: 'https://plx.example.com', current: 'http://localhost:8117' });
    assert.ok(
      html.includes('This service is on <b>https://plx.example.com</b>; the extension is now connected to <b>http://localhost:8117</b>'),
    );
    assert.doesNotMatch(html, /deleted/);
    assert.deepStrictEqual(actions(html), ['switchHost', 'close']);
    assert.match(html, /⇄ Switch Back to https:\/\/plx.example.com</);
    assert.match(csp(html) ?? '', /frame-src 'none';/);
  });

  it('keeps the RunRef in the page for restoring it, and escapes everything from the server', () => {
    const html = page({ kind: 'error', message: '<img src=x onerror=alert(1)>' }, '"><script>alert(1)</script>');
    assert.ok(html.includes(`data-state="${esc(JSON.stringify(state))}"`));
    assert.doesNotMatch(html, /<img|<script>alert/);
    assert.strictEqual(html.match(/<script/g)?.length, 1);
  });
});

describe('pageLoaded', () => {
  it('reads the version a loaded page shows, and nothing else', () => {
    assert.strictEqual(pageLoaded({ type: 'loaded', version: 3 }), 3);
    for (const other of [null, { type: 'loaded' }, { type: 'loaded', version: '3' }, { type: 'reload', version: 3 }]) {
      assert.strictEqual(pageLoaded(other), undefined, JSON.stringify(other));
    }
  });
});

describe('parseAction', () => {
  it('accepts only our toolbar actions', () => {
    const names = ['reload', 'openInBrowser', 'restart', 'stop', 'close', 'launchAgain', 'switchHost', 'focusWorkbench'];
    assert.deepStrictEqual(
      names.map((type) => parseAction({ type })),
      names,
    );
  });

  it('ignores anything else', () => {
    for (const message of [
      undefined,
      null,
      'reload',
      {},
      { type: 'polyaxon.delete' },
      { type: 'workbench.action.terminal.new' },
      { type: ['reload'] },
      { command: 'reload' },
    ]) {
      assert.strictEqual(parseAction(message), undefined, JSON.stringify(message));
    }
  });
});

describe('parsePanelState', () => {
  it('reads back a RunRef and nothing more', () => {
    assert.deepStrictEqual(parsePanelState({ ...state, extra: 1 }), state);
  });

  it('reads back the host and the kind when they are valid', () => {
    const full = { ...state, host: 'https://plx.example.com', kind: 'jupyter' };
    assert.deepStrictEqual(parsePanelState(full), full);
    assert.deepStrictEqual(parsePanelState({ ...state, host: 42, kind: 'rm -rf' }), state);
  });

  it('rejects anything that is not a complete RunRef', () => {
    for (const bad of [undefined, null, 'x', {}, { owner: 'default', project: 'p' }, { ...state, uuid: 42 }, { ...state, owner: '' }]) {
      assert.strictEqual(parsePanelState(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('newNonce', () => {
  it('is fresh each time', () => {
    assert.notStrictEqual(newNonce(), newNonce());
    assert.match(newNonce(), /^[A-Za-z0-9+/]{22}==$/);
  });
});
