// Answers built as values, so that faults (truncatedJson) and logging can act on them before they are written.
import * as http from 'http';
import * as zlib from 'zlib';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The bytes to send instead of `body` (a compressed body); `body` stays the text, for faults and logs. */
  wire?: Buffer;
}

/** DRF's JSONRenderer output; Django adds `Vary: Origin, Cookie` (recorded headers). */
export function json(status: number, body: unknown): Reply {
  return { status, headers: { 'content-type': 'application/json', vary: 'Origin, Cookie' }, body: JSON.stringify(body) };
}

export function html(status: number, body: string): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: '' };
}

export const notFound = (): Reply => json(404, { detail: 'Not found.' });

/** Django's answer for a path no URL pattern matches: 404 with an empty text/html body (users.not-routed-in-ce.json). */
export const unrouted = (): Reply => html(404, '');

export function methodNotAllowed(method: string): Reply {
  return json(405, { detail: `Method "${method}" not allowed.` });
}

/** nginx's own error page, as the gateway returns it when the service pod is not reachable. */
export function nginxError(status: number, title: string): Reply {
  return html(status, `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`);
}

/**
 * List endpoints gzip their answer whenever that makes it smaller, whatever the request's Accept-Encoding: Polyaxon
 * wraps ListEndpoint.get in its own @gzip() (polycommon/apis/gzip.py), which ignores it (recorded/README "Transport facts").
 */
export function gzipListAnswer(method: string, pathname: string, reply: Reply): Reply {
  if (method !== 'GET' || reply.status !== 200 || !/^\/api\/v1\/[^/]+\/(projects\/list|[^/]+\/runs)\/?$/.test(pathname)) return reply;
  const wire = zlib.gzipSync(reply.body);
  if (wire.length >= Buffer.byteLength(reply.body)) return reply;
  return { ...reply, headers: { ...reply.headers, 'content-encoding': 'gzip' }, wire };
}

export function write(res: http.ServerResponse, reply: Reply): void {
  const bytes = reply.wire ?? Buffer.from(reply.body);
  res.writeHead(reply.status, { ...reply.headers, 'content-length': bytes.length });
  res.end(bytes);
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
