// /services/v1/… and /rewrite-services/v1/…: the gateway's view of a running service (API.md §3).
import * as http from 'http';
import * as net from 'net';
import type { Run } from '../../src/polyaxon/types';
import { flavourOf } from './flavour';
import { isDone } from './lifecycle';
import { proxyHttp, proxyUpgrade } from './proxy';
import { html, nginxError, write, type Reply } from './reply';
import type { RunRecord, Store } from './store';

export interface ServiceBackend {
  start(run: Run, info: { baseUrl: string; rewritePath: boolean }): Promise<{ target: string } | undefined>;
  stop(run: Run): Promise<void>;
}

export interface ServicePath {
  rewrite: boolean;
  namespace: string;
  owner: string;
  project: string;
  uuid: string;
  /** v2 only: the `/{port}/` segment. */
  port?: number;
  /** Everything after `runs/{uuid}/` (after `{port}/` in v2), without the query. */
  rest: string;
}

// The gateway's location regex: /services/v1/([-_.:\w]+)/([-_.:\w]+)/([-_.:\w]+)/runs/([-_.:\w]+)/(.*)
const SERVICE_URL = /^\/(services|rewrite-services)\/v1\/([-_.:\w]+)\/([-_.:\w]+)\/([-_.:\w]+)\/runs\/([-_.:\w]+)\/(.*)$/;

export function parseServicePath(pathname: string, v2: boolean): ServicePath | undefined {
  const m = SERVICE_URL.exec(pathname);
  if (!m) return undefined;
  const [, prefix, namespace, owner, project, uuid, tail] = m;
  let rest = tail;
  let port: number | undefined;
  if (v2) {
    const p = /^(\d+)\/(.*)$/.exec(tail);
    if (!p) return undefined;
    port = Number(p[1]);
    rest = p[2];
  }
  return { rewrite: prefix === 'rewrite-services', namespace, owner, project, uuid, port, rest };
}

/** The URL prefix the service is told (globals.base_url), without trailing slash. */
export function baseUrlOf(rec: RunRecord, v2: boolean): string {
  const rewrite = rec.run.meta_info?.rewrite_path === true;
  const ports = rec.run.meta_info?.ports;
  const port = Array.isArray(ports) && ports.length ? ports[0] : 80;
  const base = `/${rewrite ? 'rewrite-services' : 'services'}/v1/${rec.run.settings?.namespace}/default/${rec.project}/runs/${rec.run.uuid}`;
  return v2 ? `${base}/${port}` : base;
}

/** Starts a backend when a service reaches `running`, stops it when the run stops or is deleted. */
export class Backends {
  private readonly targets = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly backend: ServiceBackend | undefined,
    private readonly v2: boolean,
  ) {}

  get enabled(): boolean {
    return this.backend !== undefined;
  }

  onStatus(rec: RunRecord): void {
    const status = rec.run.status;
    if (status === 'running' && rec.run.kind === 'service') this.start(rec);
    else if (status === 'stopping' || isDone(status)) void this.stop(rec);
  }

  target(uuid: string): Promise<string | undefined> {
    return this.targets.get(uuid) ?? Promise.resolve(undefined);
  }

  async stop(rec: RunRecord): Promise<void> {
    if (!this.backend || !this.targets.has(rec.run.uuid)) return;
    const started = this.targets.get(rec.run.uuid);
    this.targets.delete(rec.run.uuid);
    await started;
    await this.backend.stop(rec.run).catch(() => undefined);
  }

  async stopAll(store: Store): Promise<void> {
    await Promise.all(
      [...this.targets.keys()].map((uuid) => {
        const rec = store.runs.get(uuid);
        if (rec) return this.stop(rec);
        this.targets.delete(uuid);
        return Promise.resolve();
      }),
    );
  }

  private start(rec: RunRecord): void {
    if (!this.backend || this.targets.has(rec.run.uuid)) return;
    const info = { baseUrl: baseUrlOf(rec, this.v2), rewritePath: rec.run.meta_info?.rewrite_path === true };
    this.targets.set(
      rec.run.uuid,
      this.backend.start(rec.run, info).then(
        (t) => t?.target,
        () => undefined,
      ),
    );
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * code-server focuses its editor as it starts, again and again in its first seconds. This page does the same: it
 * tries every 250 ms until it held the focus 12 times (3 s), was clicked, or 30 s passed, and counts its tries in
 * `data-focus-tries`, then sets `data-focus-done` (the UI tests watch them).
 */
const GRABS_FOCUS = `<textarea id="editor" aria-label="editor" rows="3" cols="40"></textarea>
<script>
let tries = 0;
let held = 0;
let used = false;
addEventListener('pointerdown', () => { used = true; });
(function grab() {
  if (used) return;
  const editor = document.getElementById('editor');
  editor.focus();
  if (document.hasFocus() && document.activeElement === editor) held++;
  document.body.dataset.focusTries = String(++tries);
  if (tries < 120 && held < 12) setTimeout(grab, 250);
  else document.body.dataset.focusDone = 'true';
})();
</script>`;

/** What a running service shows when no real backend is plugged in: clearly the service, frameable. */
export function servicePage(rec: RunRecord, v2: boolean): Reply {
  const run = rec.run;
  const flavour = flavourOf(run);
  const name = escapeHtml(run.name ?? run.uuid);
  const title = flavour === 'vscode' ? `VS Code service ${name}` : flavour === 'jupyter' ? `JupyterLab service ${name}` : `Service ${name}`;
  const base = escapeHtml(baseUrlOf(rec, v2));
  const body =
    flavour === 'jupyter'
      ? `<p>Jupyter Server is running at <code>${base}/lab</code> (NotebookApp.base_url = ${base}).</p>`
      : `<p>code-server 4.0.1 would be running here (--auth none).</p>\n${GRABS_FOCUS}`;
  return html(
    200,
    `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body data-run-uuid="${run.uuid}">
<h1>${title}</h1>
${flavour === 'service' ? '' : body}
<p>Run <code id="run-uuid">${run.uuid}</code> in project <code>${escapeHtml(rec.project)}</code>, served by the fake Polyaxon gateway under <code>${base}/</code>.</p>
</body></html>
`,
  );
}

/** v2's gateway sends `/{port}/` to that port of the run's k8s Service: a port the service does not expose reaches nothing. */
function exposes(rec: RunRecord, port: number | undefined): boolean {
  const ports = rec.run.meta_info?.ports;
  return port === undefined || (Array.isArray(ports) && ports.includes(port));
}

function runningService(store: Store, sp: ServicePath): RunRecord | undefined {
  const rec = store.find(sp.project, sp.uuid);
  const live = rec && rec.run.status === 'running' && rec.run.kind === 'service' && rec.run.live_state !== -1;
  return live && exposes(rec, sp.port) ? rec : undefined;
}

/** The path the backend sees: the prefix is stripped for rewrite-services (`rewrite … /$5 break`), kept otherwise. */
function backendPath(sp: ServicePath, url: URL): string {
  return sp.rewrite ? `/${sp.rest}${url.search}` : `${url.pathname}${url.search}`;
}

export async function handleService(
  req: http.IncomingMessage,
  body: Buffer,
  res: http.ServerResponse,
  url: URL,
  sp: ServicePath,
  store: Store,
  backends: Backends,
  v2: boolean,
): Promise<void> {
  const rec = runningService(store, sp);
  if (!rec) return write(res, nginxError(502, 'Bad Gateway'));
  if (!backends.enabled) return write(res, servicePage(rec, v2));
  const target = await backends.target(rec.run.uuid);
  // A backend that declined this service (e.g. no `jupyter` installed) leaves it to the fake's own page.
  if (!target) return write(res, servicePage(rec, v2));
  proxyHttp(req, body, res, target, backendPath(sp, url));
}

export async function handleServiceUpgrade(
  req: http.IncomingMessage,
  socket: net.Socket,
  head: Buffer,
  url: URL,
  sp: ServicePath | undefined,
  store: Store,
  backends: Backends,
): Promise<net.Socket | undefined> {
  const rec = sp && runningService(store, sp);
  const target = rec && (await backends.target(rec.run.uuid));
  if (!sp || !target) {
    socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    return undefined;
  }
  return proxyUpgrade(req, socket, head, target, backendPath(sp, url));
}
