// Opens Polyaxon services in VS Code tabs: one webview per service, with an iframe on the service URL
// (the Simple Browser pattern), following the run while it is not running yet.
import * as vscode from 'vscode';
import type { Connection, ConnectionProvider } from '../connection/types';
import type { ServiceOpener } from './ports';
import type { RunRef } from '../polyaxon/types';
import { isDone, isRunning } from '../polyaxon/statuses';
import type { Run, StatusCondition } from '../polyaxon/types';
import { latestCondition } from '../services/launchFollower';
import type { RunState, RunWatcher } from '../services/runStore';
import { serviceUrl } from '../polyaxon/urls';
import { browserUrl } from './browserUrl';
import { isV2 } from '../polyaxon/version';
import { framingBlocked, isGatewayNotReady, probe } from '../services/framing';
import { newNonce, parseAction, parsePanelState, renderPage, type Action, type ServiceView } from '../presentation/serviceWebviewHtml';

export const SERVICE_VIEW_TYPE = 'polyaxon.service';

/** The run itself comes from the run store; only the gateway check of a running service is retried here. */
const GATEWAY_RETRY_MS = 2_000;
const PROBE_TIMEOUT_MS = 5_000;

export interface ServiceWebviewsDeps {
  extensionUri: vscode.Uri;
  connections: ConnectionProvider;
  log: vscode.LogOutputChannel;
  /** The run store: each visible tab listens to its run there instead of polling it. */
  runs: RunWatcher;
}

/** What tests can see of an open panel. */
export interface OpenServicePanel {
  panel: vscode.WebviewPanel;
  html(): string;
  readonly state: ServiceView;
}

export class ServiceWebviews implements ServiceOpener, vscode.Disposable {
  private readonly panels = new Map<string, ServicePanel>();

  constructor(private readonly deps: ServiceWebviewsDeps) {}

  /** Brings panels back after a window reload; needs the `onWebviewPanel:polyaxon.service` activation event. */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(SERVICE_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => {
        const ref = parsePanelState(state);
        if (!ref || this.panels.has(key(ref))) panel.dispose();
        else this.adopt(panel, ref);
        return Promise.resolve();
      },
    });
  }

  openInWebview(ref: RunRef, run?: Run): Promise<void> {
    const open = this.panels.get(key(ref));
    if (open) {
      open.panel.reveal();
      return Promise.resolve();
    }
    const panel = vscode.window.createWebviewPanel(SERVICE_VIEW_TYPE, run?.name || shortUuid(ref), vscode.ViewColumn.Active, {
      // The framed service runs its own JS: the webview's sandbox flags carry over to nested iframes.
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [this.media()],
    });
    this.adopt(panel, ref);
    return Promise.resolve();
  }

  async openInBrowser(ref: RunRef, run?: Run): Promise<void> {
    const conn = await this.deps.connections.get();
    const url = await this.externalUrl(conn, ref, run ?? (await conn.client.getRun(ref)));
    await vscode.env.openExternal(vscode.Uri.parse(url));
  }

  refresh(ref: RunRef): void {
    this.deps.runs.refresh(ref);
  }

  panelFor(ref: RunRef): OpenServicePanel | undefined {
    const open = this.panels.get(key(ref));
    return open && { panel: open.panel, html: () => open.panel.webview.html, get state() { return open.view; } };
  }

  dispose(): void {
    for (const open of [...this.panels.values()]) open.panel.dispose();
  }

  /** The service URL as the user's browser reaches it: the host may be a localhost port-forward of a remote host. */
  async externalUrl(conn: Connection, ref: RunRef, run: Run, signal?: AbortSignal): Promise<string> {
    const v2 = isV2(await this.deps.connections.installation(signal));
    return browserUrl(serviceUrl(conn.host, ref, run, { v2 }));
  }

  media(): vscode.Uri {
    return vscode.Uri.joinPath(this.deps.extensionUri, 'media');
  }

  private adopt(panel: vscode.WebviewPanel, ref: RunRef): void {
    panel.iconPath = vscode.Uri.joinPath(this.media(), 'polyaxon.svg');
    this.panels.set(key(ref), new ServicePanel(panel, ref, this.deps, this));
    panel.onDidDispose(() => this.panels.delete(key(ref)));
  }
}

/** One service tab: listens to its run in the store while visible, and decides what to show. */
class ServicePanel {
  view: ServiceView = { kind: 'loading' };
  private run: Run | undefined;
  private unwatch: (() => void) | undefined;
  /** Re-checks a running service whose gateway did not answer yet (the run itself has not changed). */
  private gatewayRetry: NodeJS.Timeout | undefined;
  private busy = false;
  /** A Reload clicked while a fetch is in flight runs right after it. */
  private reloadPending = false;
  private readonly abort = new AbortController();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ref: RunRef,
    private readonly deps: ServiceWebviewsDeps,
    private readonly owner: ServiceWebviews,
  ) {
    // A restored panel comes back with the options it was created with; set them anyway so both paths agree.
    panel.webview.options = { enableScripts: true, localResourceRoots: [owner.media()] };
    panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(parseAction(message)));
    panel.onDidChangeViewState(() => this.follow(panel.visible));
    panel.onDidDispose(() => {
      this.abort.abort();
      this.follow(false);
    });
    this.render();
    this.follow(true);
  }

  /** Nothing polls a hidden tab's run for it: the store drops the run once no view watches it. */
  private follow(visible: boolean): void {
    if (visible && !this.unwatch && !this.abort.signal.aborted) {
      this.unwatch = this.deps.runs.watch(this.ref, () => void this.update());
    } else if (!visible && this.unwatch) {
      this.unwatch();
      this.unwatch = undefined;
      clearTimeout(this.gatewayRetry);
    }
  }

  /** Derives the view from the store's state of the run; never two at once (a probe may be in flight). */
  async update(force = false): Promise<void> {
    if (this.abort.signal.aborted) return;
    if (this.busy) {
      this.reloadPending ||= force;
      return;
    }
    this.busy = true;
    clearTimeout(this.gatewayRetry);
    const before = this.view;
    try {
      this.view = await this.load(force, this.deps.runs.get(this.ref));
    } catch (e) {
      if (this.abort.signal.aborted) return;
      this.deps.log.error(`Service ${key(this.ref)}: ${errorMessage(e)}`);
      // One failed status check must not tear down a working service page.
      if (!isSettled(before) || force) this.view = { kind: 'error', message: errorMessage(e) };
    } finally {
      this.busy = false;
    }
    if (this.abort.signal.aborted) return;
    if (this.reloadPending) {
      this.reloadPending = false;
      return this.update(true);
    }
    const changed = JSON.stringify(before) !== JSON.stringify(this.view);
    if (changed || force) this.render();
    if (changed) this.deps.log.info(`Service ${key(this.ref)}: showing ${this.view.kind} (${statusOf(this.view)}).`);
    // The tree hears of the run from the store; only the gateway check is retried here.
    if (this.unwatch && this.view.kind === 'waiting' && this.view.status === 'running') {
      this.gatewayRetry = setTimeout(() => void this.update(), GATEWAY_RETRY_MS);
    }
  }

  private async load(force: boolean, state: RunState | undefined): Promise<ServiceView> {
    const signal = this.abort.signal;
    if (state?.deleted) return { kind: 'deleted' };
    if (state?.error && (force || !state.run)) throw state.error;
    if (!state?.run) return this.view;
    const conn = await this.deps.connections.get();
    this.run = state.run;
    const run = this.run;
    const status = run.status ?? 'unknown';
    if (run.name) this.panel.title = run.name;
    // Settled views stay until the run is done: reloading the frame for a passing `warning` would lose the page.
    if (!force && isSettled(this.view) && !isDone(status)) return this.view;
    if (!isRunning(status)) {
      const condition = latestCondition(state.conditions, status);
      const message = condition && describe(condition);
      return isDone(status) ? { kind: 'ended', status, message } : { kind: 'waiting', status, message };
    }
    return this.runningView(conn, run, signal);
  }

  private async runningView(conn: Connection, run: Run, signal: AbortSignal): Promise<ServiceView> {
    const v2 = isV2(await this.deps.connections.installation(signal));
    const internal = serviceUrl(conn.host, this.ref, run, { v2 });
    const answer = await probe(internal, { timeoutMs: PROBE_TIMEOUT_MS, signal });
    if (!answer) this.deps.log.warn(`Service ${internal} did not answer the framing check; loading it anyway.`);
    if (answer && isGatewayNotReady(answer.status)) {
      return { kind: 'waiting', status: 'running', message: `The service's server is not answering yet (HTTP ${answer.status} from the gateway).` };
    }
    const blocked = answer && framingBlocked(answer.headers);
    if (blocked) return { kind: 'blocked', status: 'running', reason: blocked };
    return { kind: 'running', status: 'running', url: await this.owner.externalUrl(conn, this.ref, run, signal) };
  }

  private render(): void {
    const webview = this.panel.webview;
    const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.owner.media(), file)).toString();
    // A new nonce changes the html, which makes VS Code reload the page (and the iframe) when asked to.
    webview.html = renderPage(
      { cspSource: webview.cspSource, scriptUri: asset('serviceWebview.js'), styleUri: asset('serviceWebview.css'), nonce: newNonce() },
      { title: this.run?.name || shortUuid(this.ref), state: { owner: this.ref.owner, project: this.ref.project, uuid: this.ref.uuid }, view: this.view },
    );
  }

  private async onMessage(action: Action | undefined): Promise<void> {
    try {
      if (action === 'reload') {
        this.deps.runs.refresh(this.ref);
        await this.update(true);
      }
      else if (action === 'openInBrowser') await this.owner.openInBrowser(this.ref, this.run);
      else if (action === 'restart') await vscode.commands.executeCommand('polyaxon.restart', this.ref);
    } catch (e) {
      this.deps.log.error(`Service ${key(this.ref)}: ${action} failed: ${errorMessage(e)}`);
      void vscode.window.showErrorMessage(errorMessage(e));
    }
  }
}

function describe(c: StatusCondition): string | undefined {
  const text = [c.reason, c.message].filter(Boolean).join(': ');
  return text || undefined;
}

/** The service page (or the reason it cannot be framed) is shown. */
function isSettled(view: ServiceView): boolean {
  return view.kind === 'running' || view.kind === 'blocked';
}

function statusOf(view: ServiceView): string | undefined {
  return 'status' in view ? view.status : view.kind;
}

function key(ref: RunRef): string {
  return `${ref.owner}/${ref.project}/${ref.uuid}`;
}

function shortUuid(ref: RunRef): string {
  return ref.uuid.slice(0, 8);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
