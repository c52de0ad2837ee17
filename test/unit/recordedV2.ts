// The answers a real Polyaxon v2 CE (haupt v2.5.2, with its real agent) gave, in ../shared/polyaxon/recorded-v2,
// served as they came back (status, content type, gzip) by a local server: the product's own client, store and
// model read them over HTTP. A clone without ../shared has none: the suites that need them skip, saying so.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as zlib from 'zlib';
import { SHARED_POLYAXON } from './sharedFacts';

export const RECORDED_V2 = path.join(SHARED_POLYAXON, 'recorded-v2');

export interface V2Recording {
  request: { method: string; path: string; body?: unknown };
  response: { status: number; headers: Record<string, string | undefined>; body: unknown };
}

export function recordedV2(file: string): V2Recording {
  return JSON.parse(fs.readFileSync(path.join(RECORDED_V2, file), 'utf8')) as V2Recording;
}

/** The recorded answer's body of `file` (a `compiled-service-spec.*.json` file as a whole), as the type the test reads. */
export function recordedBody<T>(file: string): T {
  const data = JSON.parse(fs.readFileSync(path.join(RECORDED_V2, file), 'utf8')) as Partial<V2Recording>;
  return (data.response ? data.response.body : data) as T;
}

/** For a mocha `before`: skips the suite, saying why, where the recordings are not beside the repository. */
export function skipWithoutRecordedV2(ctx: Mocha.Context): void {
  if (fs.existsSync(path.join(RECORDED_V2, '_index.json'))) return;
  console.log(`    skipped: ${RECORDED_V2} is not available (the recordings live beside the repository, not in it)`);
  ctx.skip();
}

/** Method, path and query (in any order, encoded or not): what identifies a request. */
function requestKey(method: string, url: string): string {
  const [pathname, search = ''] = url.split('?');
  const params = [...new URLSearchParams(search)].sort(([a], [b]) => a.localeCompare(b));
  return `${method} ${decodeURIComponent(pathname)}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

/**
 * The v2 server at one recorded moment: a request gets the recorded answer to the same method, path and query.
 * A request nothing was recorded for is a 501 whose body says so, which fails the test in words.
 */
export class RecordedV2Server {
  readonly seen: string[] = [];
  url = '';
  private readonly answers = new Map<string, V2Recording>();
  private readonly server = http.createServer((req, res) => {
    req.resume().on('end', () => {
      const key = requestKey(req.method ?? '', req.url ?? '');
      this.seen.push(key);
      const rec = this.answers.get(key);
      if (!rec) {
        res.writeHead(501, { 'content-type': 'application/json' }).end(JSON.stringify([`no recorded answer for ${key}`]));
        return;
      }
      const text = rec.response.body === null ? '' : JSON.stringify(rec.response.body);
      const gzip = rec.response.headers['content-encoding'] === 'gzip';
      const bytes = gzip ? zlib.gzipSync(text) : Buffer.from(text);
      const headers: Record<string, string | number> = { 'content-length': bytes.length };
      if (rec.response.headers['content-type']) headers['content-type'] = rec.response.headers['content-type'];
      if (gzip) headers['content-encoding'] = 'gzip';
      res.writeHead(rec.response.status, headers).end(bytes);
    });
  });

  /** From now on the server answers as in these files; a later file wins for the same request. */
  answer(...files: string[]): this {
    for (const file of files) {
      const rec = recordedV2(file);
      this.answers.set(requestKey(rec.request.method, rec.request.path), rec);
    }
    return this;
  }

  /** Answers `method url` with the recorded answer of `file`: a request the product makes in a form not recorded (another limit). */
  alias(method: string, url: string, file: string): this {
    this.answers.set(requestKey(method, url), recordedV2(file));
    return this;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
