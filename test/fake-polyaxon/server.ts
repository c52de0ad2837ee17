// A local HTTP server that behaves like a Polyaxon CE v1.11.3 gateway (API, streams, services) as recorded in
// ../shared/polyaxon/recorded, or, with `polyaxonVersion: 'v2'`, like haupt v2.5.2 with its agent as recorded in
// ../shared/polyaxon/recorded-v2. Used by unit tests, integration/UI tests and `npm run demo`.
import * as crypto from 'crypto';
import * as http from 'http';
import type * as net from 'net';
import type { Project, Run, RunStatus } from '../../src/polyaxon/types';
import { handleApi, type ApiContext } from './api-router';
import { applyFaults, truncate, type Faults } from './faults';
import { CONDITION_TEXT } from './lifecycle';
import { logsReply } from './logs';
import { Agent } from './agent';
import { Operator, type OperatorDelays } from './operator';
import { mutate, type FakeMutant } from './mutants';
import { empty, json, notFound, readBody, send, unrouted, write, type Reply } from './reply';
import { pythonJsonError } from './python-json';
import { addDemoRun, demoKindOf, seedDemo } from './seed';
import { runDetail } from './serializers';
import { Backends, handleService, handleServiceUpgrade, parseServicePath, type ServiceBackend } from './services';
import { Store, type Behaviour, type StoredRun } from './store';
import { behaviourOf, driveTo } from './submit';

export type { ServiceBackend } from './services';
export type { Faults } from './faults';
export type { FakeMutant } from './mutants';

export interface FakeOptions {
  port?: number;
  /** Which recorded server to behave like: 'v1' (CE 1.11.3, the default) or 'v2' (haupt 2.5.2 with its agent). */
  polyaxonVersion?: 'v1' | 'v2';
  /** The version `/api/v1/installation` reports; default 1.11.3 or 2.5.2. A version ≥ 2 means polyaxonVersion 'v2'. */
  version?: string;
  /** v2: how long the agent takes to pick up a queued or deleted run; default the operator's queuedMs, or 1000 ms. */
  agentMs?: number;
  seed?: 'empty' | 'demo';
  operator?: OperatorDelays | false;
  serviceBackend?: ServiceBackend;
  log?: (line: string) => void;
  /** How often a running run prints a log line; default 3000 ms. */
  logIntervalMs?: number;
  /** A known-wrong variant, for the conformance suite's mutation check only. */
  mutant?: FakeMutant;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  /** The API answer's Content-Encoding, set as it is sent: 'gzip' for list answers that compress. */
  answerEncoding?: 'gzip';
}

export interface FakePolyaxon {
  url: string;
  requests: RecordedRequest[];
  faults: Faults;
  /**
   * When set, the scheduler fails every new run with this message instead of compiling it, as a real one does
   * (`SchedulerPrepare`, run-statuses.unknown-*.failed.json): a test replays a recorded failure with it.
   */
  schedulerFailure: string | undefined;
  addProject(name: string): Project;
  addRun(project: string, run: Partial<Run>, behaviour?: Behaviour): Run;
  setStatus(project: string, uuid: string, status: RunStatus, reason?: string, message?: string): void;
  getRun(project: string, uuid: string): Run | undefined;
  /** A fault switch for "connection refused": stop listening (and drop open connections) until acceptConnections(). */
  refuseConnections(): Promise<void>;
  /** Listen again on the same port. */
  acceptConnections(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_DELAYS: OperatorDelays = { queuedMs: 800, startingMs: 800, stoppingMs: 600 };
/** The agent namespace of each recording's deployment (`settings.namespace`, run-namespace.json). */
const NAMESPACE = { v1: 'polyaxon-v1', v2: 'polyaxon' };

/** The flavour and installation version the options ask for. */
function versionOf(opts: FakeOptions): { v2: boolean; version: string } {
  const v2 = opts.polyaxonVersion === 'v2' || (opts.polyaxonVersion === undefined && Number(opts.version?.split('.')[0]) >= 2);
  return { v2, version: opts.version ?? (v2 ? '2.5.2' : '1.11.3') };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

class FakeServer implements FakePolyaxon {
  url = '';
  requests: RecordedRequest[] = [];
  faults: Faults = {};
  schedulerFailure: string | undefined;
  private readonly server: http.Server;
  private readonly store: Store;
  private readonly operator: Operator;
  private readonly agent: Agent | undefined;
  private readonly backends: Backends;
  private readonly api: ApiContext;
  private readonly v2: boolean;
  private readonly upgraded = new Set<net.Socket>();

  constructor(private readonly opts: FakeOptions) {
    const { v2, version } = versionOf(opts);
    this.v2 = v2;
    this.store = new Store(v2 ? NAMESPACE.v2 : NAMESPACE.v1, v2);
    const delays = opts.operator === undefined ? DEFAULT_DELAYS : opts.operator;
    this.operator = new Operator(this.store, delays, opts.logIntervalMs ?? 3000);
    this.agent = v2 ? new Agent(this.store, opts.agentMs ?? (delays ? delays.queuedMs : 1000)) : undefined;
    this.backends = new Backends(opts.serviceBackend, v2);
    this.store.onStatus = (rec) => {
      this.agent?.react(rec);
      this.operator.react(rec);
      this.backends.onStatus(rec);
    };
    this.store.onDelete = (rec) => {
      this.operator.forget(rec);
      this.agent?.react(rec);
      void this.backends.stop(rec);
    };
    const key = crypto.randomBytes(16).toString('hex');
    // v2 adds `mode` (recorded-v2/installation.json: {"key", "version": "2.5.2", "dist": "ce", "mode": null}).
    this.api = {
      store: this.store,
      schedulerFailure: () => this.schedulerFailure,
      installation: v2 ? { key, version, dist: 'ce', mode: null } : { key, version, dist: 'ce' },
    };
    if (opts.seed === 'demo') seedDemo(this.store, this.v2);
    this.server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((e: Error) => {
        opts.log?.(`error ${req.method} ${req.url}: ${e.stack ?? e.message}`);
        if (!res.headersSent) write(res, { status: 500, headers: { 'content-type': 'text/plain' }, body: String(e) });
        else res.destroy();
      });
    });
    this.server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => void this.onUpgrade(req, socket, head));
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.url = `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  addProject(name: string): Project {
    return { ...(this.store.projects.get(name) ?? this.store.addProject(name)) };
  }

  /** A run as if launched from the AISG polyaxonfile that fits its name/kind, then moved to `run.status` (default queued). */
  addRun(project: string, run: Partial<Run>, behaviour?: Behaviour): Run {
    if (!this.store.projects.has(project)) this.store.addProject(project);
    const { status, ...fields } = run;
    const rec = addDemoRun(this.store, project, demoKindOf(run.name, run.kind), 'created', this.v2, {
      behaviour: behaviour ?? behaviourOf(run.inputs),
      overrides: { uuid: run.uuid },
      image: typeof run.inputs?.DOCKER_IMAGE === 'string' ? run.inputs.DOCKER_IMAGE : undefined,
    });
    Object.assign(rec.run, fields as Partial<StoredRun>);
    rec.run.runtime = run.runtime ?? rec.run.kind;
    driveTo(this.store, rec, status ?? 'queued');
    return runDetail(rec.run, this.v2) as unknown as Run;
  }

  setStatus(project: string, uuid: string, status: RunStatus, reason?: string, message?: string): void {
    const rec = this.store.find(project, uuid);
    if (!rec) throw new Error(`fake-polyaxon: no run ${uuid} in project ${project}`);
    const [defaultReason, defaultMessage] = CONDITION_TEXT[status] ?? ['FakePolyaxon', `Run is ${status}`];
    this.store.transition(rec, status, reason ?? defaultReason, message ?? defaultMessage);
  }

  getRun(project: string, uuid: string): Run | undefined {
    const rec = this.store.find(project, uuid);
    return rec ? (runDetail(rec.run, this.v2) as unknown as Run) : undefined;
  }

  async refuseConnections(): Promise<void> {
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  async acceptConnections(): Promise<void> {
    if (this.server.listening) return;
    await this.listen(Number(new URL(this.url).port));
  }

  async close(): Promise<void> {
    this.operator.close();
    this.agent?.close();
    await this.backends.stopAll(this.store);
    for (const socket of this.upgraded) socket.destroy();
    if (this.server.listening) {
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
    }
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const text = raw.toString('utf8');
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const method = req.method ?? 'GET';
    const path = `${url.pathname}${url.search}`;
    const recorded: RecordedRequest = { method, path, headers: { ...req.headers }, body: parseJson(text) };
    this.requests.push(recorded);
    res.on('finish', () =>
      this.opts.log?.(`${method} ${path} → ${res.statusCode}${recorded.answerEncoding ? ` (${recorded.answerEncoding})` : ''}`),
    );

    const fault = await applyFaults(this.faults, path);
    if (fault.kind === 'hang') return;
    if (fault.kind === 'reset') return void req.socket.destroy();
    if (fault.kind === 'reply') return write(res, fault.reply);

    const service = parseServicePath(url.pathname, this.v2);
    if (service) return handleService(req, raw, res, url, service, this.store, this.backends, this.v2);
    const project = () => /^\/api\/v1\/[^/]+\/([^/]+)\//.exec(url.pathname)?.[1];
    const reply = mutate(this.opts.mutant, method, url.pathname, this.route(method, url, text), this.store, project);
    if (fault.kind === 'resetMidBody') {
      // half of the plain text, then a reset
      res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
      res.write(reply.body.slice(0, Math.floor(reply.body.length / 2)), () => req.socket.destroy());
      return;
    }
    recorded.answerEncoding = send(res, fault.kind === 'truncate' ? truncate(reply) : reply);
  }

  private route(method: string, url: URL, text: string): Reply {
    // Django's /healthz has no body and no Content-Type; the gateway's /healthz/ is nginx `return 200 "healthy"`.
    if (url.pathname === '/healthz') return empty(200);
    if (url.pathname === '/healthz/') return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'healthy' };
    if (url.pathname.startsWith('/streams/v1/')) return this.streams(url);
    if (!url.pathname.startsWith('/api/')) return unrouted();
    let body: unknown = null;
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch (e) {
        return json(400, { detail: `JSON parse error - ${pythonJsonError(text, e as Error)}` });
      }
    }
    return handleApi({ method, url, body }, this.api);
  }

  /** GET /streams/v1/{namespace}/{owner}/{project}/runs/{uuid}/logs (the namespace segment is not checked, as in CE). */
  private streams(url: URL): Reply {
    const m = /^\/streams\/v1\/[^/]+\/[^/]+\/([^/]+)\/runs\/([0-9a-f]{32})\/logs\/?$/.exec(url.pathname);
    if (!m) return unrouted();
    const rec = this.store.find(m[1], m[2]);
    return rec ? logsReply(rec, url.searchParams, this.v2) : notFound();
  }

  private async onUpgrade(req: http.IncomingMessage, socket: net.Socket, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    this.requests.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, headers: { ...req.headers } });
    this.opts.log?.(`${req.method} ${url.pathname}${url.search} (upgrade)`);
    this.upgraded.add(socket);
    socket.on('close', () => this.upgraded.delete(socket));
    const upstream = await handleServiceUpgrade(req, socket, head, url, parseServicePath(url.pathname, this.v2), this.store, this.backends);
    if (upstream) {
      this.upgraded.add(upstream);
      upstream.on('close', () => this.upgraded.delete(upstream));
    }
  }
}

export async function startFakePolyaxon(opts: FakeOptions = {}): Promise<FakePolyaxon> {
  const server = new FakeServer(opts);
  await server.listen(opts.port ?? 0);
  return server;
}
