// Typed REST client for the Polyaxon API (CE v1.11.3, also v2), see /api/v1 and /streams/v1 in the swagger.
// Every failure becomes a PolyaxonError whose message names the host and says what to do.
import { textOf } from './serverText';
import axios, { type AxiosInstance } from 'axios';
import { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import {
  cancelledFailure, MAX_ANSWER_BYTES, readAnswer, shapeFailure, timeoutFailure, transportFailure, type Missing, type RequestInfo,
} from './answers';
import type {
  Installation, ListOptions, LogLine, Logs, OperationBody, Page, Project, ProjectRef, Run, RunRef, RunStatuses,
} from './types';
import { normaliseHost } from './urls';

export interface RequestLogEntry {
  method: string;
  /** Path including the query string; never the token. */
  path: string;
  status?: number;
  ms: number;
  error?: string;
}

export interface ClientOptions {
  host: string;
  /** Sent as `Authorization: Token <token>` (core/polyaxon/services/auth.py); CE v1 needs none. */
  token?: string;
  timeoutMs?: number;
  /** PEM contents of a CA, trusted in addition to the system ones (https only). */
  ca?: string;
  /** Skip TLS verification (https only). */
  insecure?: boolean;
  onRequest?: (e: RequestLogEntry) => void;
  /** Something in an answer was malformed and left out; the request itself succeeded. */
  onWarning?: (message: string) => void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** One request: what is sent, and what a 404 would mean. */
interface Call extends Pick<RequestInfo, 'path' | 'missing' | 'ref' | 'action'> {
  method: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** `none` when the answer may be empty (204 of delete); what there is must still be JSON. */
  expect: 'json' | 'none';
}

export class PolyaxonClient {
  readonly host: string;
  private readonly http: AxiosInstance;
  private readonly timeoutMs: number;

  constructor(private readonly opts: ClientOptions) {
    this.host = normaliseHost(opts.host);
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.token) headers.Authorization = `Token ${opts.token}`;
    const tlsOptions = this.host.startsWith('https:') && (opts.ca || opts.insecure);
    this.http = axios.create({
      headers,
      // Parse ourselves: an HTML page, an empty body and truncated JSON each get their own error.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      // Counted after decompression, so a small gzip bomb is refused too.
      maxContentLength: MAX_ANSWER_BYTES,
      // A redirect means a login page or a wrong scheme in front of the API: report it, do not follow it.
      maxRedirects: 0,
      // Proxying is VS Code's job (it patches Node's agents per http.proxy); axios' own HTTP_PROXY handling
      // would send a localhost port-forward through a corporate proxy.
      proxy: false,
      httpsAgent: tlsOptions
        ? new HttpsAgent({
          ca: opts.ca ? [...rootCertificates, opts.ca] : undefined,
          rejectUnauthorized: !opts.insecure,
        })
        : undefined,
    });
  }

  /** `GET /api/v1/installation`: proves the host is Polyaxon and gives `version`/`dist`. */
  async getInstallation(signal?: AbortSignal): Promise<Installation> {
    const call = get('/api/v1/installation', 'installation', { owner: '' }, 'check the Polyaxon version', signal);
    const inst = await this.json<Installation>(call);
    if (typeof inst.version !== 'string') throw shapeFailure(this.info(call));
    return inst;
  }

  listProjects(owner: string, opts?: ListOptions, signal?: AbortSignal): Promise<Page<Project>> {
    return this.page(get(`/api/v1/${seg(owner)}/projects/list${query(opts)}`, 'owner', { owner }, `list the projects of ${owner}`, signal), isNamed);
  }

  getProject(ref: ProjectRef, signal?: AbortSignal): Promise<Project> {
    return this.json(get(projectPath(ref), 'project', ref, `read project ${ref.owner}/${ref.project}`, signal));
  }

  /** CE answers 201, not the 200 the swagger lists; a taken name is a 400 `{"name": [...]}`. */
  createProject(
    owner: string, body: { name: string; description?: string; tags?: string[] }, signal?: AbortSignal,
  ): Promise<Project> {
    return this.json({
      method: 'POST', path: `/api/v1/${seg(owner)}/projects/create`, body, signal, missing: 'owner', ref: { owner }, expect: 'json',
      action: `create project ${owner}/${body.name}`,
    });
  }

  listRuns(ref: ProjectRef, opts?: ListOptions, signal?: AbortSignal): Promise<Page<Run>> {
    return this.page(get(`${projectPath(ref)}/runs${query(opts)}`, 'project', ref, listAction(ref), signal), hasUuid);
  }

  /**
   * Follows `next` until it is null. DRF builds `next` as an absolute URL from the request's Host
   * (platform/polycommon/polycommon/apis/paginator.py), which a proxy may rewrite, so only its path is used.
   */
  async listAllRuns(ref: ProjectRef, opts?: ListOptions & { maxItems?: number }, signal?: AbortSignal): Promise<Run[]> {
    const { maxItems = Infinity, ...listOptions } = opts ?? {};
    const runs: Run[] = [];
    let page = await this.listRuns(ref, listOptions, signal);
    for (;;) {
      runs.push(...page.results);
      if (!page.next || page.results.length === 0 || runs.length >= maxItems) break;
      const next = new URL(page.next, this.host);
      page = await this.page<Run>(get(`${next.pathname}${next.search}`, 'project', ref, listAction(ref), signal), hasUuid);
    }
    return runs.slice(0, maxItems);
  }

  getRun(ref: RunRef, signal?: AbortSignal): Promise<Run> {
    return this.json(get(runPath(ref), 'run', ref, `read ${runName(ref)}`, signal));
  }

  /**
   * CE answers 201 (swagger: 200) with only uuid, name, description, content, is_managed, pending, meta_info, tags
   * (OperationCreateSerializer in platform/coredb/coredb/api/project_resources/serializers.py).
   */
  createRun(ref: ProjectRef, body: OperationBody, signal?: AbortSignal): Promise<Run> {
    return this.json({ method: 'POST', path: `${projectPath(ref)}/runs`, body, signal, missing: 'project', ref, expect: 'json', action: `create a run in ${ref.owner}/${ref.project}` });
  }

  /** 200 `{}` (an empty answer is refused); the run goes `stopping`, then `stopped` once the operator's finalizer reports it. */
  async stopRun(ref: RunRef, signal?: AbortSignal): Promise<void> {
    await this.json({ method: 'POST', path: `${runPath(ref)}/stop`, signal, missing: 'run', ref, expect: 'json', action: `stop ${runName(ref)}` });
  }

  /** 204, empty body. */
  async deleteRun(ref: RunRef, signal?: AbortSignal): Promise<void> {
    await this.send({ method: 'DELETE', path: runPath(ref), signal, missing: 'run', ref, expect: 'none', action: `delete ${runName(ref)}` });
  }

  /** Creates a new run from this one (201, `original.kind = "restart"`); `content` overrides the spec. */
  restartRun(
    ref: RunRef, body?: { name?: string; description?: string; tags?: string[]; content?: string }, signal?: AbortSignal,
  ): Promise<Run> {
    return this.json({ method: 'POST', path: `${runPath(ref)}/restart`, body: body ?? {}, signal, missing: 'run', ref, expect: 'json', action: `restart ${runName(ref)}` });
  }

  async getStatuses(ref: RunRef, signal?: AbortSignal): Promise<RunStatuses> {
    const statuses = await this.json<RunStatuses>(get(`${runPath(ref)}/statuses`, 'run', ref, `read the statuses of ${runName(ref)}`, signal));
    return { ...statuses, status_conditions: statuses.status_conditions ?? [] };
  }

  async getNamespace(ref: RunRef, signal?: AbortSignal): Promise<string> {
    const call = get(`${runPath(ref)}/namespace`, 'run', ref, `read the namespace of ${runName(ref)}`, signal);
    const answer = await this.json<{ namespace?: unknown }>(call);
    if (typeof answer.namespace !== 'string') throw shapeFailure(this.info(call));
    return answer.namespace;
  }

  /**
   * Live mode with `lastTime` (pod logs newer than it), archived mode without (one stored file per call,
   * iterate `lastFile`): core/polyaxon/streams/app/endpoints.py get_logs.
   */
  async getLogs(
    ref: RunRef & { namespace: string }, opts: { lastTime?: string; lastFile?: string; force?: boolean }, signal?: AbortSignal,
  ): Promise<Logs> {
    const params = new URLSearchParams();
    if (opts.lastTime) params.set('last_time', opts.lastTime);
    if (opts.lastFile) params.set('last_file', opts.lastFile);
    if (opts.force) params.set('force', 'true');
    const search = params.size ? `?${params}` : '';
    const path = `/streams/v1/${seg(ref.namespace)}/${seg(ref.owner)}/${seg(ref.project)}/runs/${seg(ref.uuid)}/logs${search}`;
    const logs = await this.json<Logs>(get(path, 'run', ref, `read the logs of ${runName(ref)}`, signal));
    const lines = (Array.isArray(logs.logs) ? (logs.logs as unknown[]) : []).filter(isRecord).map(logLine);
    return { ...logs, logs: lines, last_time: logs.last_time ?? null, last_file: logs.last_file ?? null };
  }

  private async json<T>(call: Call): Promise<T> {
    const data = await this.send(call);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw shapeFailure(this.info(call));
    return data as T;
  }

  /** One malformed item (say `null`) is left out with a warning rather than failing the whole list. */
  private async page<T>(call: Call, isItem: (item: unknown) => item is T): Promise<Page<T>> {
    const page = await this.json<Page<unknown>>(call);
    if (!Array.isArray(page.results)) throw shapeFailure(this.info(call));
    const results = page.results.filter(isItem);
    const dropped = page.results.length - results.length;
    if (dropped > 0) {
      this.warn(`Polyaxon at ${this.host} answered ${call.method} ${call.path} with ${dropped} malformed item${dropped === 1 ? '' : 's'}, left out of the list.`);
    }
    return { count: page.count ?? null, next: page.next ?? null, previous: page.previous ?? null, results };
  }

  private warn(message: string): void {
    try {
      this.opts.onWarning?.(message);
    } catch {
      // A failing logger must not fail the request.
    }
  }

  private info(call: Call): RequestInfo {
    return { host: this.host, method: call.method, path: call.path, action: call.action, missing: call.missing, ref: call.ref, hasToken: Boolean(this.opts.token) };
  }

  /** One request: the timeout covers the whole exchange; onRequest hears of it exactly once. */
  private async send(call: Call): Promise<unknown> {
    const started = performance.now();
    let status: number | undefined;
    let failure: string | undefined;
    try {
      if (call.signal?.aborted) throw cancelledFailure(this.info(call));
      const res = await this.exchange(call);
      status = res.status;
      const location: unknown = res.headers.location;
      return readAnswer(this.info(call), {
        status,
        text: typeof res.data === 'string' ? res.data : '',
        contentType: String(res.headers['content-type'] ?? ''),
        location: typeof location === 'string' ? location : undefined,
      }, call.expect === 'json');
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      try {
        this.opts.onRequest?.({ method: call.method, path: call.path, status, ms: Math.round(performance.now() - started), error: failure });
      } catch {
        // A failing logger must not fail the request.
      }
    }
  }

  private async exchange(call: Call) {
    const controller = new AbortController();
    const cancel = () => controller.abort();
    call.signal?.addEventListener('abort', cancel, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      return await this.http.request<string>({
        method: call.method, url: `${this.host}${call.path}`, data: call.body, signal: controller.signal,
      });
    } catch (e) {
      if (call.signal?.aborted) throw cancelledFailure(this.info(call));
      if (timedOut) throw timeoutFailure(this.info(call), this.timeoutMs, e);
      throw transportFailure(this.info(call), e);
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', cancel);
    }
  }
}

function isRecord(item: unknown): item is Record<string, unknown> {
  return typeof item === 'object' && item !== null && !Array.isArray(item);
}

/** A line whose `value` is null (an empty line of the container's output) is still a line; fields are texts. */
function logLine(item: Record<string, unknown>): LogLine {
  return { ...item, timestamp: textOf(item.timestamp), pod: textOf(item.pod), container: textOf(item.container), value: textOf(item.value) };
}

function hasUuid(item: unknown): item is Run {
  return typeof item === 'object' && item !== null && typeof (item as { uuid?: unknown }).uuid === 'string';
}

function isNamed(item: unknown): item is Project {
  return typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string';
}

function get(path: string, missing: Missing, ref: Call['ref'], action: string, signal?: AbortSignal): Call {
  return { method: 'GET', path, signal, missing, ref, expect: 'json', action };
}

function listAction(ref: ProjectRef): string {
  return `list the runs of ${ref.owner}/${ref.project}`;
}

function runName(ref: RunRef): string {
  return `run ${ref.uuid.slice(0, 8)} of ${ref.owner}/${ref.project}`;
}

function seg(s: string): string {
  return encodeURIComponent(s);
}

function projectPath(ref: ProjectRef): string {
  return `/api/v1/${seg(ref.owner)}/${seg(ref.project)}`;
}

function runPath(ref: RunRef): string {
  return `${projectPath(ref)}/runs/${seg(ref.uuid)}`;
}

function query(opts?: ListOptions): string {
  const params = new URLSearchParams();
  if (opts?.query) params.set('query', opts.query);
  if (opts?.sort) params.set('sort', opts.sort);
  if (opts?.limit !== undefined) params.set('limit', String(opts.limit));
  if (opts?.offset !== undefined) params.set('offset', String(opts.offset));
  return params.size ? `?${params}` : '';
}
