// One service tab: listens to its run in the run store while visible and on its host, and decides what to show
// (waiting, the framed service, why it cannot be framed, ended, deleted, on another host).
import * as vscode from 'vscode';
import type { Connection, ConnectionProvider } from '../../connection/types';
import type { KnownChange } from '../../runs/viewPorts';
import { isDone, isRunning } from '../../polyaxon/statuses';
import { serviceKindOfRun, type ServiceKind } from '../../polyaxon/serviceKind';
import { runKey, type Run, type RunRef } from '../../polyaxon/types';
import { latestCondition } from '../../polyaxon/conditions';
import type { RunState, RunWatcher } from '../../runs/runStore';
import { onTabAction, type ServiceTab } from './serviceTabMessages';
import { framingBlocked, isGatewayNotReady, probe, unframableAddress } from '../framing';
import { serviceUrl } from '../../polyaxon/urls';
import { isV2 } from '../../polyaxon/version';
import { newNonce, pageParts, renderPage, viewFrameSource, type PageAssets, type PageModel, type PanelState } from '../serviceWebviewHtml';
import { pageLoaded, parseAction } from '../serviceTabToolbar';
import type { ServiceView } from '../serviceViews';
import { describe, isSettled, isStopping, statusOf } from '../serviceViews';
import { runSize, sizeText } from '../../polyaxonfile/resources';

/** The run itself comes from the run store; only the gateway check of a running service is retried here. */
const GATEWAY_RETRY_MS = 2_000;
const PROBE_TIMEOUT_MS = 5_000;

export interface ServicePanelDeps {
  connections: ConnectionProvider;
  log: vscode.LogOutputChannel;
  /** The run store: each visible tab listens to its run there instead of polling it. */
  runs: RunWatcher;
}

/** What a tab needs from the set of tabs. */
export interface PanelOwner {
  media(): vscode.Uri;
  externalUrl(conn: Connection, ref: RunRef, run: Run, signal?: AbortSignal): Promise<string>;
  openInBrowser(ref: RunRef, run?: Run): Promise<void>;
  /** A tab learnt its run's name: the tabs of the same name get their project or host added. */
  retitle(): void;
}

/** One service tab: listens to its run in the store while visible and on its host, and decides what to show. */
export class ServicePanel implements ServiceTab {
  view: ServiceView = { kind: 'loading' };
  run: Run | undefined;
  ref: RunRef;
  /** The host the service is on: the tab never asks another one about it, nor sends this one's token elsewhere. */
  host: string | undefined;
  kind: ServiceKind | undefined;
  /** The CPUs and memory of the run in `sized` (its compiled content), for the toolbar. */
  private size: string | undefined;
  private sized: string | undefined;
  private unwatch: (() => void) | undefined;
  /** Re-checks a running service whose gateway did not answer yet (the run itself has not changed). */
  private gatewayRetry: NodeJS.Timeout | undefined;
  private busy = false;
  /** What arrived while an update was in flight runs right after it: a store change, or a Reload (forced). */
  private pending: 'none' | 'update' | 'reload' = 'none';
  private readonly abort = new AbortController();
  /** The page set in the webview; later views change it in place (see render). */
  private page: { assets: PageAssets; frameSrc: string; model: PageModel } | undefined;
  private version = 0;

  /** `frameSrc`: the origin the service will be framed from, allowed from the first page (else the running view needs a new one). */
  constructor(
    readonly panel: vscode.WebviewPanel,
    saved: PanelState,
    readonly deps: ServicePanelDeps,
    readonly owner: PanelOwner,
    private readonly frameSrc = "'none'",
  ) {
    this.ref = { owner: saved.owner, project: saved.project, uuid: saved.uuid };
    this.host = saved.host;
    this.kind = saved.kind;
    panel.webview.onDidReceiveMessage((message: unknown) => {
      const loaded = pageLoaded(message);
      if (loaded === undefined) void onTabAction(this, parseAction(message));
      else this.catchUp(loaded);
    });
    // A host change shows at once which tabs belong to the other server, and stops watching their runs.
    const hostChange = deps.connections.onDidChange(() => {
      void this.follow(panel.visible);
      void this.update();
    });
    panel.onDidChangeViewState(() => void this.follow(panel.visible));
    panel.onDidDispose(() => {
      hostChange.dispose();
      this.abort.abort();
      this.stopWatching();
    });
    this.render();
    void this.follow(true);
    void this.update();
  }

  /** Shows another run from now on (restart); a fetch in flight for the old one is dropped. */
  retarget(ref: RunRef, run: Run | undefined): void {
    this.stopWatching();
    this.ref = ref;
    this.run = run;
    this.view = { kind: 'loading' };
    this.render();
    void this.follow(this.panel.visible);
    void this.update(true);
  }

  /**
   * Watches the run in the store while the tab is visible and the connection is on the tab's host. Nothing polls
   * a hidden tab's run for it: the store drops the run once no view watches it.
   */
  private async follow(visible: boolean): Promise<void> {
    const conn = await this.deps.connections.get().catch(() => undefined);
    this.host ??= conn?.host;
    const wanted = visible && !this.abort.signal.aborted && conn !== undefined && conn.host === this.host;
    if (wanted && !this.unwatch) this.unwatch = this.deps.runs.watch(this.ref, () => void this.update());
    else if (!wanted) this.stopWatching();
  }

  private stopWatching(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    clearTimeout(this.gatewayRetry);
  }

  /** Derives the view from the store's state of the run; never two at once (a probe may be in flight). */
  async update(force = false): Promise<void> {
    if (this.abort.signal.aborted) return;
    if (this.busy) {
      this.pending = force || this.pending === 'reload' ? 'reload' : 'update';
      return;
    }
    this.busy = true;
    clearTimeout(this.gatewayRetry);
    const before = this.view;
    const target = this.ref;
    try {
      const view = await this.load(force, this.deps.runs.get(target));
      if (this.ref === target) this.view = view;
    } catch (e) {
      if (this.abort.signal.aborted) return;
      // A failure for a run this tab no longer shows is dropped; the check below loads the new one.
      if (this.ref === target) {
        this.deps.log.error(`Service ${runKey(this.ref)}: ${errorMessage(e)}`);
        // One failed status check must not tear down a working service page.
        if (!isSettled(before) || force) this.view = { kind: 'error', message: errorMessage(e) };
      }
    } finally {
      this.busy = false;
    }
    if (this.abort.signal.aborted) return;
    if (this.ref !== target) return this.afterRetarget();
    const changed = JSON.stringify(before) !== JSON.stringify(this.view);
    if (changed || force) this.render(force);
    if (changed) this.deps.log.info(`Service ${runKey(this.ref)}: showing ${this.view.kind} (${statusOf(this.view)}).`);
    if (this.pending !== 'none') {
      const reload = this.pending === 'reload';
      this.pending = 'none';
      return this.update(reload);
    }
    // The tree hears of the run from the store; only the gateway check is retried here.
    if (this.unwatch && this.view.kind === 'waiting' && this.view.status === 'running') {
      this.gatewayRetry = setTimeout(() => void this.update(), GATEWAY_RETRY_MS);
    }
  }

  private afterRetarget(): Promise<void> {
    this.pending = 'none';
    return this.update(true);
  }

  private async load(force: boolean, state: RunState | undefined): Promise<ServiceView> {
    const signal = this.abort.signal;
    const conn = await this.deps.connections.get();
    this.host ??= conn.host;
    if (conn.host !== this.host) return { kind: 'otherHost', host: this.host, current: conn.host };
    if (state?.deleted) return { kind: 'deleted' };
    if (state?.error && (force || !state.run)) throw state.error;
    if (!state?.run) return this.view;
    this.run = state.run;
    const run = this.run;
    await this.learnSize(conn, run, signal);
    const status = run.status ?? 'unknown';
    if (run.name) this.owner.retitle();
    this.kind = serviceKindOfRun(run);
    // A stopping run only ends: a status read before the stop took effect does not bring the frame back.
    if (isStopping(this.view) && !isDone(status)) return this.view;
    // Settled views stay until the run is done or stopping: reloading the frame for a passing `warning` would lose the page.
    if (!force && isSettled(this.view) && !isDone(status) && status !== 'stopping') return this.view;
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
      return {
        kind: 'waiting',
        status: 'running',
        message: `The service's server is not answering yet (HTTP ${answer.status} from the gateway).`,
      };
    }
    const blocked = answer && framingBlocked(answer.headers);
    if (blocked) return { kind: 'blocked', status: 'running', reason: blocked };
    const url = await this.owner.externalUrl(conn, this.ref, run, signal);
    const unframable = unframableAddress(url);
    if (unframable) return { kind: 'blocked', status: 'running', reason: unframable };
    return { kind: 'running', status: 'running', url };
  }

  /** The run's size from its compiled content; fetched once when the store's copy came from a list (no content). */
  private async learnSize(conn: Connection, run: Run, signal: AbortSignal): Promise<void> {
    const ref = this.ref;
    if (this.sized === ref.uuid) return;
    const content = run.content ?? (await conn.client.getRun(ref, signal).catch(() => undefined))?.content;
    if (this.ref !== ref) return;
    const size = runSize(content);
    this.size = size && sizeText(size);
    this.sized = ref.uuid;
  }

  /** What one of our commands just did to the run, shown before the next status check confirms it. */
  show(change: KnownChange): void {
    if (this.view.kind === 'otherHost') return;
    this.view = change === 'deleted' ? { kind: 'deleted' } : { kind: 'waiting', status: 'stopping' };
    this.render();
  }

  /** Whether the connection still talks to the tab's host; says so and throws if not. */
  async onOwnHost(): Promise<void> {
    const current = (await this.deps.connections.get()).host;
    if (this.host !== undefined && current !== this.host) {
      throw new Error(`This service is on ${this.host}; the extension is now connected to ${current}. Switch back to use it.`);
    }
  }

  /**
   * Shows the view. The page is set once, then changed in place by messages: a new page (webview.html set again) may
   * get the keyboard from VS Code, taking it from what the user types in (1 launch in 6 on a loaded machine). A new
   * page only where its CSP must allow another origin. `reload` rebuilds the frame, reloading the service.
   */
  render(reload = false): void {
    const webview = this.panel.webview;
    const model = {
      title: this.run?.name || this.panel.title || shortUuid(this.ref),
      state: { ...this.ref, host: this.host, kind: this.kind },
      view: this.view,
      size: this.sized === this.ref.uuid ? this.size : undefined,
      version: ++this.version,
    };
    const parts = pageParts(model);
    const needs = this.view.kind === 'running' ? viewFrameSource(this.view) : undefined;
    const page = this.page;
    if (page && (needs === undefined || needs === page.frameSrc)) {
      // The frame is rebuilt only when its part changed (or on Reload): a size learnt later does not reload the service.
      const main = reload || parts.main !== pageParts(page.model).main ? parts.main : undefined;
      void webview.postMessage({ type: 'render', ...parts, main });
      this.page = { ...page, model };
      return;
    }
    const frameSrc = needs ?? this.frameSrc;
    const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.owner.media(), file)).toString();
    const assets = {
      cspSource: webview.cspSource,
      scriptUri: asset('serviceWebview.js'),
      styleUri: asset('serviceWebview.css'),
      nonce: newNonce(),
    };
    webview.html = renderPage(assets, model, frameSrc);
    this.page = { assets, frameSrc, model };
  }

  /** A page that loaded with an older view gets the current one: VS Code drops messages posted before the webview exists. */
  private catchUp(shown: number): void {
    if (this.page && shown < (this.page.model.version ?? 0)) {
      void this.panel.webview.postMessage({ type: 'render', ...pageParts(this.page.model), whole: true });
    }
  }

  /** The page as it shows now, built only when read (tests read it). */
  html(): string {
    return this.page ? renderPage(this.page.assets, this.page.model, this.page.frameSrc) : '';
  }
}

export function shortUuid(ref: RunRef): string {
  return ref.uuid.slice(0, 8);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
