// The service webview's page, as a pure function of what the panel shows (no vscode: unit-tested).
import { randomBytes } from 'crypto';
import type { ServiceKind } from '../polyaxon/serviceKind';
import { statusInfo } from '../polyaxon/statuses';
import type { ServiceView } from './serviceViews';
import { esc, toolbarButtons } from './serviceTabToolbar';

/**
 * What a panel remembers across window reloads; the page script stores it with setState. The RunRef, the host it
 * came from (a tab never asks another host about it), and its kind (for Launch Again once the run is gone).
 */
export interface PanelState {
  owner: string;
  project: string;
  uuid: string;
  host?: string;
  kind?: ServiceKind;
}

const KINDS: readonly ServiceKind[] = ['vscode', 'jupyter', 'other'];

export function parsePanelState(state: unknown): PanelState | undefined {
  const s = state as Partial<Record<keyof PanelState, unknown>> | null | undefined;
  const ok = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  if (!s || !ok(s.owner) || !ok(s.project) || !ok(s.uuid)) return undefined;
  const kind = KINDS.find((k) => k === s.kind);
  return { owner: s.owner, project: s.project, uuid: s.uuid, ...(ok(s.host) && { host: s.host }), ...(kind && { kind }) };
}

/** The service runs its own code in the frame; it may not navigate the webview (no allow-top-navigation). */
export const IFRAME_SANDBOX = 'allow-scripts allow-forms allow-same-origin allow-popups allow-downloads allow-modals';

export interface PageAssets {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

export interface PageModel {
  title: string;
  state: PanelState;
  view: ServiceView;
  /** The CPUs and memory the run was compiled with ("3 CPUs, 6 GiB"), when known. */
  size?: string;
  /** Counts the views a tab has shown: the page applies a newer one only, and says which it shows when it loads. */
  version?: number;
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The CSP source that allows framing `url`: exactly its origin. CSP cannot name an IPv6 literal (see
 * unframableAddress), and a bare scheme would allow every page of it, so such a page is framed by nothing.
 */
export function frameSource(url: string): string {
  const parsed = new URL(url);
  return parsed.hostname.startsWith('[') ? "'none'" : parsed.origin;
}

/** What the page shows, in the pieces the page script swaps in place (see ServicePanel.render). */
export interface PageParts {
  title: string;
  state: PanelState;
  header: string;
  main: string;
  /** The frame stays unrendered until the user shows it (FRAME_GUARD). */
  guarded: boolean;
  version: number;
}

export function pageParts(model: PageModel): PageParts {
  const { view } = model;
  const running = view.kind === 'running';
  return {
    title: model.title,
    state: model.state,
    header: `${statusBadge(view)}${sizeBadge(model.size)}${running ? FOCUS_HINT : ''}<span class="spacer"></span>\n${toolbarButtons(view)}`,
    main: content(model.title, view),
    guarded: running,
    version: model.version ?? 0,
  };
}

/** The CSP frame-src a view needs: its service's origin when running, else none. */
export function viewFrameSource(view: ServiceView): string {
  return view.kind === 'running' ? frameSource(view.url) : "'none'";
}

/**
 * The whole page. `frameSrc` may allow the origin the service will have before it runs, so that the running view
 * can arrive as a message instead of a new page.
 */
export function renderPage(assets: PageAssets, model: PageModel, frameSrc = viewFrameSource(model.view)): string {
  const parts = pageParts(model);
  const csp = [
    "default-src 'none'",
    `frame-src ${frameSrc}`,
    `script-src 'nonce-${assets.nonce}'`,
    `style-src ${assets.cspSource}`,
    `img-src ${assets.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(assets.styleUri)}">
<title>${esc(parts.title)}</title>
</head>
<body data-state="${esc(JSON.stringify(parts.state))}" data-version="${parts.version}">
<header class="toolbar">${parts.header}</header>
<main${parts.guarded ? FRAME_GUARD : ''}>${parts.main}</main>
<script nonce="${esc(assets.nonce)}" src="${esc(assets.scriptUri)}"></script>
</body>
</html>`;
}

/**
 * A framed service (code-server focuses its editor as it starts) must not pull the focus out of the workbench, e.g.
 * closing a context menu the user just opened in the tree. Chromium lets a framed page take the focus from anywhere,
 * whatever `inert`, `tabindex` or `visibility` say; only a frame that is not rendered cannot. So the frame loads
 * hidden (`main.guarded`) until the user clicks the tab's page or its Show button; media/serviceWebview.js shows it.
 */
const FRAME_GUARD = ' class="guarded"';
/** Shown while keys go to the service (the body's class, set by the page script), as Simple Browser's focus lock. */
const FOCUS_HINT = '<span class="hint when-focused" title="Keys typed here reach only the service">⌨ Keys go to the service</span>';

function reveal(title: string): string {
  return `<section class="message reveal">
<p class="headline">${esc(title)} is running.</p>
<p><button type="button" id="show-service" class="primary">Show the Service Here</button></p>
<p class="hint">It loads meanwhile, and takes the keyboard only once shown, so that a starting service cannot pull the focus out of
 the window. For keyboard-heavy work, Open in Browser gives it every key.</p>
</section>`;
}

function sizeBadge(size: string | undefined): string {
  return size ? `<span class="size" title="CPUs and memory the service asks for">${esc(size)}</span>` : '';
}

/** The badge of a view without a run status. */
const BADGES: Partial<Record<ServiceView['kind'], string>> = { otherHost: 'other host', error: 'unreachable' };

function statusBadge(view: ServiceView): string {
  const status = 'status' in view ? view.status : (BADGES[view.kind] ?? view.kind);
  const info = statusInfo(status);
  const bad = info.failure || view.kind === 'deleted' || view.kind === 'error';
  const off = info.done || view.kind === 'ended' || view.kind === 'otherHost';
  const tone = info.group === 'running' && view.kind !== 'waiting' ? 'ok' : bad ? 'bad' : off ? 'off' : 'busy';
  const text = 'status' in view ? info.label : label(status);
  return `<span class="status ${tone}" data-group="${info.group}" title="Polyaxon status">● ${esc(text)}</span>`;
}

function content(title: string, view: ServiceView): string {
  switch (view.kind) {
    case 'running':
      return (
        `${reveal(title)}<iframe id="service" src="${esc(view.url)}" title="${esc(title)}" sandbox="${IFRAME_SANDBOX}" ` +
        'allow="clipboard-read; clipboard-write"></iframe>'
      );
    case 'loading':
      return panel('Loading the service…');
    case 'waiting':
      if (view.status === 'stopping') {
        return panel(`${esc(title)} is <b>stopping</b>.`, view.message, 'Its pod is being removed; files on the shared volume stay.');
      }
      return panel(`${esc(title)} is <b>${esc(label(view.status))}</b>.`, view.message, 'It opens here as soon as it is running.');
    case 'blocked':
      return panel(`${esc(title)} cannot be shown inside VS Code: ${esc(view.reason)}.`, undefined, 'Open it in the browser instead.');
    case 'ended':
      return panel(`${esc(title)} is <b>${esc(label(view.status))}</b>.`, view.message, 'Restart it or launch a new one to use it again.');
    case 'deleted':
      return panel(`${esc(title)} no longer exists: it was deleted from Polyaxon.`, undefined, 'Launch a new one to work again.');
    case 'otherHost':
      return panel(
        `This service is on <b>${esc(view.host)}</b>; the extension is now connected to <b>${esc(view.current)}</b>.`,
        undefined,
        'Switch back to that host to use it here, or close this tab.',
      );
    case 'error':
      return panel('Cannot load the service.', view.message, 'Retrying while this tab is visible.');
  }
}

function panel(headline: string, detail?: string, hint?: string): string {
  const p = (cls: string, text: string | undefined, raw = false) => (text ? `<p class="${cls}">${raw ? text : esc(text)}</p>` : '');
  return `<section class="message">${p('headline', headline, true)}${p('detail', detail)}${p('hint', hint)}</section>`;
}

function label(status: string): string {
  return status.replace(/_/g, ' ');
}
