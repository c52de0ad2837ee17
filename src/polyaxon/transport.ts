// The HTTP exchange under the Polyaxon client: one request, its timeout, its log entry, and its answer read as JSON.
// axios is loaded on the first request, not at activation: it is most of the extension's load time.
import type { AxiosInstance } from 'axios';
import {
  cancelledFailure,
  MAX_ANSWER_BYTES,
  readAnswer,
  shapeFailure,
  timeoutFailure,
  transportFailure,
  type Missing,
  type RequestInfo,
} from './answers';
import type { Page } from './types';

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

/** One request: what is sent, and what a 404 would mean. */
export interface Call extends Pick<RequestInfo, 'path' | 'missing' | 'ref' | 'action'> {
  method: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** `none` when the answer may be empty (204 of delete); what there is must still be JSON. */
  expect: 'json' | 'none';
}

export function get(path: string, missing: Missing, ref: Call['ref'], action: string, signal?: AbortSignal): Call {
  return { method: 'GET', path, signal, missing, ref, expect: 'json', action };
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * axios, and https with tls, loaded by the first request rather than at activation: they are most of what loading the
 * extension would cost. The bundle resolves `axios` to dist/axios.js (esbuild.options.cjs); Node caches each module.
 */
function httpModules() {
  /* eslint-disable @typescript-eslint/no-require-imports -- synchronous, and deferred on purpose */
  return {
    axios: (require('axios') as typeof import('axios')).default,
    https: require('https') as typeof import('https'),
    tls: require('tls') as typeof import('tls'),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** Loads the HTTP modules now, off the activation path, so that the first refresh does not wait for them. */
export function preloadHttp(): void {
  try {
    httpModules();
  } catch {
    // The first request loads them again, and reports what failed.
  }
}

export class Transport {
  private http: AxiosInstance | undefined;
  private readonly timeoutMs: number;

  constructor(
    readonly host: string,
    private readonly opts: ClientOptions,
  ) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async json<T>(call: Call): Promise<T> {
    const data = await this.send(call);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw shapeFailure(this.info(call));
    return data as T;
  }

  /** One malformed item (say `null`) is left out with a warning rather than failing the whole list. */
  async page<T>(call: Call, isItem: (item: unknown) => item is T): Promise<Page<T>> {
    const page = await this.json<Page<unknown>>(call);
    if (!Array.isArray(page.results)) throw shapeFailure(this.info(call));
    const results = page.results.filter(isItem);
    const dropped = page.results.length - results.length;
    if (dropped > 0) {
      this.warn(
        `Polyaxon at ${this.host} answered ${call.method} ${call.path} with ${dropped} malformed item${dropped === 1 ? '' : 's'}, left out of the list.`,
      );
    }
    return { count: page.count ?? null, next: page.next ?? null, previous: page.previous ?? null, results };
  }

  info(call: Call): RequestInfo {
    return {
      host: this.host,
      method: call.method,
      path: call.path,
      action: call.action,
      missing: call.missing,
      ref: call.ref,
      hasToken: Boolean(this.opts.token),
    };
  }

  /** One request: the timeout covers the whole exchange; onRequest hears of it exactly once. */
  async send(call: Call): Promise<unknown> {
    const started = performance.now();
    let status: number | undefined;
    let failure: string | undefined;
    try {
      if (call.signal?.aborted) throw cancelledFailure(this.info(call));
      const res = await this.exchange(call);
      status = res.status;
      const location: unknown = res.headers.location;
      return readAnswer(
        this.info(call),
        {
          status,
          text: typeof res.data === 'string' ? res.data : '',
          contentType: String(res.headers['content-type'] ?? ''),
          location: typeof location === 'string' ? location : undefined,
        },
        call.expect === 'json',
      );
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      try {
        this.opts.onRequest?.({
          method: call.method,
          path: call.path,
          status,
          ms: Math.round(performance.now() - started),
          error: failure,
        });
      } catch {
        // A failing logger must not fail the request.
      }
    }
  }

  private warn(message: string): void {
    try {
      this.opts.onWarning?.(message);
    } catch {
      // A failing logger must not fail the request.
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
      const http = (this.http ??= this.createHttp());
      return await http.request<string>({
        method: call.method,
        url: `${this.host}${call.path}`,
        data: call.body,
        signal: controller.signal,
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

  private createHttp(): AxiosInstance {
    const { axios, https, tls } = httpModules();
    const { opts } = this;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.token) headers.Authorization = `Token ${opts.token}`;
    const tlsOptions = this.host.startsWith('https:') && (opts.ca || opts.insecure);
    return axios.create({
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
        ? new https.Agent({
            ca: opts.ca ? [...tls.rootCertificates, opts.ca] : undefined,
            rejectUnauthorized: !opts.insecure,
          })
        : undefined,
    });
  }
}
