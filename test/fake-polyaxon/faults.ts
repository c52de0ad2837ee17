// Switches a test flips to see how the client copes with a sick server or gateway.
import { html, json, nginxError, type Reply } from './reply';

export interface Faults {
  latencyMs?: number;
  /** Answer with this code and a fitting body: 401/403 DRF detail JSON, 500 Django's page, 502/503/504 nginx's page. */
  status?: number;
  /** Destroy the socket without answering. */
  reset?: boolean;
  /** 200 text/html login page, as an SSO proxy in front of the gateway would answer. */
  html?: boolean;
  /** The real answer, cut in the middle. */
  truncatedJson?: boolean;
  /** The real answer's headers and half its body, then the socket is destroyed. */
  resetMidBody?: boolean;
  /** 200 application/json with no body at all. */
  emptyBody?: boolean;
  /** 200 with `Content-Encoding: gzip` over bytes that are not gzip. */
  corruptGzip?: boolean;
  /** Never answer. */
  hang?: boolean;
  /** Which paths (with query); default every /api and /streams request. */
  match?: RegExp;
  /** How many matching requests get the fault; default unlimited. */
  count?: number;
}

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'reply'; reply: Reply }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'truncate' }
  | { kind: 'resetMidBody' };

const DEFAULT_MATCH = /^\/(api|streams)\//;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const NGINX_TITLES: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

/** DRF's default messages (rest_framework/exceptions.py). */
const DRF_DETAILS: Record<number, string> = {
  400: 'Bad request.',
  401: 'Authentication credentials were not provided.',
  403: 'You do not have permission to perform this action.',
  404: 'Not found.',
  429: 'Request was throttled. Expected available in 1 second.',
};

function statusReply(status: number): Reply {
  if (NGINX_TITLES[status]) return nginxError(status, NGINX_TITLES[status]);
  // Django's production handler500 (no DEBUG): a bare HTML page.
  if (status >= 500) {
    return html(
      status,
      '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (500)</title>\n</head>\n<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n',
    );
  }
  return json(status, { detail: DRF_DETAILS[status] ?? `Simulated error ${status}.` });
}

const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Sign in to continue</h1>' +
  '<form method="post" action="/oauth2/sign_in"><input name="username"><input name="password" type="password">' +
  '<button>Sign in</button></form></body></html>';

/** Decide what a request gets; waits out `latencyMs` first. Consumes one unit of `count` per matching request. */
export async function applyFaults(faults: Faults, path: string): Promise<FaultAction> {
  if (!(faults.match ?? DEFAULT_MATCH).test(path)) return { kind: 'none' };
  if (faults.count !== undefined) {
    if (faults.count <= 0) return { kind: 'none' };
    faults.count--;
  }
  if (faults.latencyMs) await sleep(faults.latencyMs);
  if (faults.hang) return { kind: 'hang' };
  if (faults.reset) return { kind: 'reset' };
  if (faults.status) return { kind: 'reply', reply: statusReply(faults.status) };
  if (faults.html) return { kind: 'reply', reply: html(200, LOGIN_PAGE) };
  if (faults.truncatedJson) return { kind: 'truncate' };
  if (faults.resetMidBody) return { kind: 'resetMidBody' };
  if (faults.emptyBody) return { kind: 'reply', reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '' } };
  if (faults.corruptGzip) {
    return {
      kind: 'reply',
      reply: {
        status: 200,
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: '{"results": "this is not gzip"}',
      },
    };
  }
  return { kind: 'none' };
}

/** The first half of a JSON answer, still labelled application/json. */
export function truncate(reply: Reply): Reply {
  const body = reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2)));
  return { status: 200, headers: { ...reply.headers, 'content-type': 'application/json' }, body };
}
