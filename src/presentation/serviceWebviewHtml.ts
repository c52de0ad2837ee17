// The service webview's page, as a pure function of what the panel shows (no vscode: unit-tested).
import { randomBytes } from 'crypto';
import { statusInfo } from '../polyaxon/statuses';

/** What a panel remembers across window reloads (the RunRef); the page script stores it with setState. */
export interface PanelState {
  owner: string;
  project: string;
  uuid: string;
}

export type ServiceView =
  | { kind: 'loading' }
  /** Not running yet, or running but the gateway cannot reach it yet (`message` says which). */
  | { kind: 'waiting'; status: string; message?: string }
  /** `url` is the external one: the browser, not the extension host, loads it. */
  | { kind: 'running'; status: string; url: string }
  | { kind: 'blocked'; status: string; reason: string }
  | { kind: 'ended'; status: string; message?: string }
  | { kind: 'deleted' }
  | { kind: 'error'; message: string };

/** Everything the page may ask for; anything else is ignored, so a message cannot run an arbitrary command. */
export const ACTIONS = ['reload', 'openInBrowser', 'restart'] as const;
export type Action = (typeof ACTIONS)[number];

export function parseAction(message: unknown): Action | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  return ACTIONS.find((a) => a === type);
}

export function parsePanelState(state: unknown): PanelState | undefined {
  const s = state as Partial<Record<keyof PanelState, unknown>> | null | undefined;
  const ok = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  return s && ok(s.owner) && ok(s.project) && ok(s.uuid) ? { owner: s.owner, project: s.project, uuid: s.uuid } : undefined;
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
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The CSP source that allows framing `url`. CSP's host-source grammar has no IPv6 literals, and Chromium drops
 * `http://[::1]:8080` as invalid (leaving a blank tab), so an IPv6 host is allowed by its scheme alone.
 */
export function frameSource(url: string): string {
  const parsed = new URL(url);
  return parsed.hostname.startsWith('[') ? parsed.protocol : parsed.origin;
}

export function renderPage(assets: PageAssets, model: PageModel): string {
  const { view } = model;
  const frameSrc = view.kind === 'running' ? frameSource(view.url) : "'none'";
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
<title>${esc(model.title)}</title>
</head>
<body data-state="${esc(JSON.stringify(model.state))}">
<header class="toolbar">${statusBadge(view)}<span class="spacer"></span>${buttons(view)}</header>
<main>${content(model.title, view)}</main>
<script nonce="${esc(assets.nonce)}" src="${esc(assets.scriptUri)}"></script>
</body>
</html>`;
}

function statusBadge(view: ServiceView): string {
  const status = view.kind === 'loading' ? 'loading' : view.kind === 'deleted' ? 'deleted' : view.kind === 'error' ? 'unreachable' : view.status;
  const info = statusInfo(status);
  const broken = view.kind === 'deleted' || view.kind === 'error';
  const tone = broken || info.failure ? 'bad' : info.group === 'running' && view.kind !== 'waiting' ? 'ok' : info.done ? 'off' : 'busy';
  const text = broken || view.kind === 'loading' ? label(status) : info.label;
  return `<span class="status ${tone}" data-group="${info.group}" title="Polyaxon status">● ${esc(text)}</span>`;
}

function buttons(view: ServiceView): string {
  const actions: Record<ServiceView['kind'], Action[]> = {
    loading: ['reload'],
    waiting: ['reload'],
    running: ['reload', 'openInBrowser'],
    blocked: ['reload', 'openInBrowser'],
    ended: ['reload', 'restart'],
    deleted: [],
    error: ['reload'],
  };
  const titles: Record<Action, string> = { reload: '↻ Reload', openInBrowser: '↗ Open in Browser', restart: '⟲ Restart' };
  return actions[view.kind].map((a) => `<button type="button" data-action="${a}">${titles[a]}</button>`).join('');
}

function content(title: string, view: ServiceView): string {
  switch (view.kind) {
    case 'running':
      return `<iframe id="service" src="${esc(view.url)}" title="${esc(title)}" sandbox="${IFRAME_SANDBOX}" allow="clipboard-read; clipboard-write"></iframe>`;
    case 'loading':
      return panel('Loading the service…');
    case 'waiting':
      return panel(`${esc(title)} is <b>${esc(label(view.status))}</b>.`, view.message, 'It opens here as soon as it is running.');
    case 'blocked':
      return panel(`${esc(title)} cannot be shown inside VS Code: ${esc(view.reason)}.`, undefined, 'Open it in the browser instead.');
    case 'ended':
      return panel(`${esc(title)} is <b>${esc(label(view.status))}</b>.`, view.message, 'Restart it to use it again.');
    case 'deleted':
      return panel(`${esc(title)} no longer exists: it was deleted from Polyaxon.`);
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

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
