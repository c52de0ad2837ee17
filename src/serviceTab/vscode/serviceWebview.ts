// Opens Polyaxon services in VS Code tabs: one webview per service, with an iframe on the service URL
// (the Simple Browser pattern), following the run while it is not running yet.
import * as vscode from 'vscode';
import type { Connection, ConnectionProvider } from '../../connection/types';
import type { KnownChange, OpenTabOptions, ServiceOpener } from '../../runs/viewPorts';
import type { RunRef } from '../../polyaxon/types';
import { serviceKindOfRun } from '../../polyaxon/serviceKind';
import { runKey, type Run } from '../../polyaxon/types';
import type { RunWatcher } from '../../runs/runStore';
import { serviceUrl } from '../../polyaxon/urls';
import { browserUrl, openInUserBrowser } from '../../workbench/vscode/openInBrowser';
import { isV2 } from '../../polyaxon/version';
import { frameSource, parsePanelState } from '../serviceWebviewHtml';
import { onTabAction } from './serviceTabMessages';
import type { PanelState } from '../serviceWebviewHtml';
import type { Action } from '../serviceTabToolbar';
import type { ServiceView } from '../serviceViews';
import { ServicePanel, shortUuid, type PanelOwner } from './servicePanel';
import { tabTitles } from '../tabTitles';

export const SERVICE_VIEW_TYPE = 'polyaxon.service';

/** The framed service runs its own JS: the webview's sandbox flags carry over to nested iframes. */
const webviewOptions = (media: vscode.Uri): vscode.WebviewOptions => ({ enableScripts: true, localResourceRoots: [media] });

export interface ServiceWebviewsDeps {
  extensionUri: vscode.Uri;
  connections: ConnectionProvider;
  log: vscode.LogOutputChannel;
  /** The run store: each visible tab listens to its run there instead of polling it. */
  runs: RunWatcher;
}

/** What tests can see of an open panel; `act` is a click on a toolbar button. */
export interface OpenServicePanel {
  panel: vscode.WebviewPanel;
  html(): string;
  readonly state: ServiceView;
  act(action: Action): Promise<void>;
}

export class ServiceWebviews implements ServiceOpener, PanelOwner, vscode.Disposable {
  private readonly panels = new Map<string, ServicePanel>();

  constructor(private readonly deps: ServiceWebviewsDeps) {}

  /** Brings panels back after a window reload; needs the `onWebviewPanel:polyaxon.service` activation event. */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(SERVICE_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => {
        const saved = parsePanelState(state);
        if (!saved || this.panels.has(runKey(saved))) {
          panel.dispose();
        } else {
          // It comes back with the options it was saved with, perhaps by an older version. Only here: setting options
          // reloads the page, and in VS Code 1.90 that moves the keyboard into the tab.
          panel.webview.options = webviewOptions(this.media());
          return this.frameSource(saved.host).then((frameSrc) => this.adopt(panel, saved, frameSrc));
        }
        return Promise.resolve();
      },
    });
  }

  async openInWebview(ref: RunRef, run?: Run, { replacing, preserveFocus = false }: OpenTabOptions = {}): Promise<void> {
    const old = replacing && !this.panels.has(runKey(ref)) ? this.panels.get(runKey(replacing)) : undefined;
    if (replacing && old) {
      // Restart: the tab of the old run shows its copy from now on.
      this.panels.delete(runKey(replacing));
      this.panels.set(runKey(ref), old);
      old.retarget(ref, run);
      old.panel.reveal(undefined, preserveFocus);
      return;
    }
    const open = this.panels.get(runKey(ref));
    if (open) {
      open.panel.reveal(undefined, preserveFocus);
      return;
    }
    // The tab belongs to the host it is opened from (undefined: the first status check takes the current one).
    const host = await this.deps.connections.get().then(
      (conn) => conn.host,
      () => undefined,
    );
    const frameSrc = await this.frameSource(host);
    if (this.panels.has(runKey(ref))) return this.panels.get(runKey(ref))?.panel.reveal(undefined, preserveFocus);
    const column = { viewColumn: vscode.ViewColumn.Active, preserveFocus };
    const panel = vscode.window.createWebviewPanel(SERVICE_VIEW_TYPE, run?.name || shortUuid(ref), column, {
      ...webviewOptions(this.media()),
      retainContextWhenHidden: true,
    });
    this.adopt(panel, { ...ref, host, kind: run && serviceKindOfRun(run) }, frameSrc);
  }

  /** The origin a service on `host` is framed from, as the user's browser reaches it (see externalUrl). */
  private async frameSource(host: string | undefined): Promise<string | undefined> {
    if (!host) return undefined;
    return browserUrl(`${host.replace(/\/+$/, '')}/`)
      .then((url) => frameSource(url))
      .catch(() => undefined);
  }

  /** Opens the service in the user's browser, never on the IDE's own origin (see openInUserBrowser). */
  async openInBrowser(ref: RunRef, run?: Run): Promise<void> {
    const conn = await this.deps.connections.get();
    const v2 = isV2(await this.deps.connections.installation());
    await openInUserBrowser(serviceUrl(conn.host, ref, run ?? (await conn.client.getRun(ref)), { v2 }));
  }

  isOpenInTab(ref: RunRef): boolean {
    return this.panels.has(runKey(ref));
  }

  /**
   * One of our commands changed the run: the tab shows it at once, and the store re-reads the run; a deleted one it
   * knows deleted at once (v2 keeps a deleted run readable for a day: no 404 would come to say so).
   */
  refresh(ref: RunRef, change?: KnownChange): void {
    if (change) this.panels.get(runKey(ref))?.show(change);
    if (change === 'deleted') this.deps.runs.markDeleted(ref);
    else this.deps.runs.refresh(ref);
  }

  panelFor(ref: RunRef): OpenServicePanel | undefined {
    const open = this.panels.get(runKey(ref));
    if (!open) return undefined;
    return {
      panel: open.panel,
      html: () => open.html(),
      get state() {
        return open.view;
      },
      act: (a) => onTabAction(open, a),
    };
  }

  dispose(): void {
    for (const open of [...this.panels.values()]) open.panel.dispose();
  }

  /** The service URL as the user's browser reaches it: the host may be a localhost port-forward of a remote host. */
  async externalUrl(conn: Connection, ref: RunRef, run: Run, signal?: AbortSignal): Promise<string> {
    const v2 = isV2(await this.deps.connections.installation(signal));
    return browserUrl(serviceUrl(conn.host, ref, run, { v2 }));
  }

  retitle(): void {
    const named = [...this.panels.values()].flatMap((p) =>
      p.run?.name ? [{ key: runKey(p.ref), name: p.run.name, project: p.ref.project, host: p.host, uuid: p.ref.uuid }] : [],
    );
    const titles = tabTitles(named);
    for (const open of this.panels.values()) {
      const title = titles.get(runKey(open.ref));
      if (title && open.panel.title !== title) open.panel.title = title;
    }
  }

  media(): vscode.Uri {
    return vscode.Uri.joinPath(this.deps.extensionUri, 'media');
  }

  private adopt(panel: vscode.WebviewPanel, saved: PanelState, frameSrc: string | undefined): void {
    panel.iconPath = vscode.Uri.joinPath(this.media(), 'polyaxon.svg');
    const servicePanel = new ServicePanel(panel, saved, this.deps, this, frameSrc);
    this.panels.set(runKey(saved), servicePanel);
    // By identity: a restart may have moved the panel to another run's key.
    panel.onDidDispose(() => {
      [...this.panels].forEach(([k, p]) => p === servicePanel && this.panels.delete(k));
      this.retitle();
    });
  }
}
