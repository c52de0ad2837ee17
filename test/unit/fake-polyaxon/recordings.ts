// The recordings of a real Polyaxon CE v1.11.3 server (../shared/polyaxon/recorded) and of a real Polyaxon v2 server
// (haupt 2.5.2 with its agent, ../shared/polyaxon/recorded-v2), and the rules for comparing an answer with one:
// status, content type, JSON value types everywhere, and exact values where the extension reads them.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as zlib from 'zlib';
import { SHARED_POLYAXON } from '../sharedFacts';

export const RECORDED = path.join(SHARED_POLYAXON, 'recorded');
export const RECORDED_V2 = path.join(SHARED_POLYAXON, 'recorded-v2');

export interface Recording {
  file: string;
  request: { method: string; path: string; headers: Record<string, string>; body?: unknown; body_raw?: string };
  response: { status: number; headers: Record<string, string | undefined>; body_is_json: boolean; body: unknown };
  note?: string;
}

/** Every recording of `dir` listed in its _index.json, in the order it was made; [] where ../shared is missing. */
export function loadRecordings(dir = RECORDED): Recording[] {
  const index = path.join(dir, '_index.json');
  if (!fs.existsSync(index)) return [];
  const files = (JSON.parse(fs.readFileSync(index, 'utf8')) as { file: string }[]).map((e) => e.file);
  return files
    .filter((f) => fs.existsSync(path.join(dir, f)))
    .map((file) => ({ file, ...(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Omit<Recording, 'file'>) }));
}

/** Keys whose values the extension reads and acts on: they must be equal, not just of the same type. */
const VALUE_KEYS = new Set([
  'status',
  'kind',
  'type',
  'reason',
  'meta_info',
  'is_managed',
  'pending',
  'detail',
  'count',
  'namespace',
  'name',
  // v2: what tells a deleted run (-1) from a live one, who runs it, and which server it is.
  'live_state',
  'managed_by',
  'version',
]);

/** A service base URL (`globals.base_url` resolved into a run's content): compared as text, run uuids aside. */
const SERVICE_PATH = /\/(rewrite-)?services\/v1\//;
const withoutUuids = (s: string) => s.replace(/[0-9a-f]{32}/g, '{uuid}');

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function parsedJsonString(v: unknown): unknown {
  if (typeof v !== 'string' || !v.startsWith('{')) return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

/** Differences between a recorded JSON value and the fake's: types at every level, keys, list lengths, read values. */
export function compareJson(actual: unknown, expected: unknown, where: string, problems: string[] = []): string[] {
  if (typeOf(actual) !== typeOf(expected)) {
    problems.push(
      `${where}: ${typeOf(actual)} ${JSON.stringify(actual)?.slice(0, 80)}, recorded ${typeOf(expected)} ${JSON.stringify(expected)?.slice(0, 80)}`,
    );
    return problems;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length) problems.push(`${where}: ${actual.length} items, recorded ${expected.length}`);
    expected.slice(0, actual.length).forEach((e, i) => compareJson(actual[i], e, `${where}[${i}]`, problems));
  } else if (typeOf(expected) === 'object') {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const missing = Object.keys(e).filter((k) => !(k in a));
    const extra = Object.keys(a).filter((k) => !(k in e));
    if (missing.length || extra.length) problems.push(`${where}: keys missing [${missing}] extra [${extra}]`);
    for (const k of Object.keys(e).filter((key) => key in a)) {
      if (VALUE_KEYS.has(k) && JSON.stringify(a[k]) !== JSON.stringify(e[k])) {
        problems.push(`${where}.${k}: ${JSON.stringify(a[k])}, recorded ${JSON.stringify(e[k])}`);
      } else {
        compareJson(a[k], e[k], `${where}.${k}`, problems);
      }
    }
  } else if (typeof expected === 'string') {
    const inner = parsedJsonString(expected); // a run's `content` is a JSON document in a string
    if (inner !== undefined) compareJson(parsedJsonString(actual), inner, `${where}(json)`, problems);
    else if (SERVICE_PATH.test(expected) && withoutUuids(String(actual)) !== withoutUuids(expected)) {
      problems.push(`${where}: ${JSON.stringify(actual)}, recorded ${JSON.stringify(expected)}`);
    }
  }
  return problems;
}

/**
 * Error bodies carry the messages the user reads: their shape must match (a list of strings, or a dict of lists),
 * and Django's own texts ("Not found.", "Run expects a `content`.", "… already exists.") must match word for word.
 * Compiler texts quote Python's parsers and are compared by their first words.
 */
export function compareErrorBody(actual: unknown, expected: unknown, where: string): string[] {
  const problems = compareJson(actual, expected, where);
  const texts = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(texts) : v && typeof v === 'object' ? Object.values(v).flatMap(texts) : [];
  const [a, e] = [texts(actual), texts(expected)];
  e.forEach((text, i) => {
    const exact = !/^(Received non valid yaml|Cannot read config_value|JSON parse error|\{')/.test(text);
    const same = exact ? a[i] === text : a[i]?.split(/[:`]/)[0] === text.split(/[:`]/)[0];
    if (!same) {
      problems.push(`${where} message ${i}: ${JSON.stringify(a[i])?.slice(0, 120)}, recorded ${JSON.stringify(text).slice(0, 120)}`);
    }
  });
  return problems;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body after undoing Content-Encoding. */
  text: string;
  /** Bytes on the wire. */
  wireBytes: number;
}

/** A request without Accept-Encoding (like the CLI's `requests` with none set), the answer's bytes as sent. */
export function rawRequest(url: string, method: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const wire = Buffer.concat(chunks);
          try {
            // A HEAD answer has no body, whatever its headers say.
            const gzipped = res.headers['content-encoding'] === 'gzip' && wire.length > 0;
            const text = (gzipped ? zlib.gunzipSync(wire) : wire).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, wireBytes: wire.length });
          } catch (e) {
            reject(e as Error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** List endpoints answer gzipped whenever gzip makes the body smaller, asked or not (recorded/README "Transport facts"). */
export function isListEndpoint(method: string, requestPath: string): boolean {
  return method === 'GET' && /\/(runs|projects\/list)(\?|$)/.test(requestPath);
}

export function gzipWouldShrink(text: string): boolean {
  return zlib.gzipSync(text).length < Buffer.byteLength(text);
}
