// Answers built as values, so that faults (truncatedJson) and logging can act on them before they are written.
import * as http from 'http';
import { gzipSync } from 'zlib';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** List endpoints only: gzip the body whenever that makes it smaller, whatever the request accepts. */
  gzip?: boolean;
}

/** DRF's JSONRenderer output; Django adds `Vary: Origin, Cookie` (recorded headers). */
export function json(status: number, body: unknown): Reply {
  return { status, headers: { 'content-type': 'application/json', vary: 'Origin, Cookie' }, body: JSON.stringify(body) };
}

/**
 * A list endpoint's answer. v1.11.3 wraps ListEndpoint.get in Polyaxon's own @gzip() (polycommon/apis/gzip.py), which
 * ignores Accept-Encoding and keeps the plain body only when gzip would not make it smaller (recorded/README.md,
 * "Transport facts").
 */
export function list(body: unknown): Reply {
  return { ...json(200, body), gzip: true };
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
  return html(
    status,
    `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  );
}

export function write(res: http.ServerResponse, reply: Reply): void {
  send(res, reply);
}

/** Like write(), and gives the Content-Encoding it used. */
export function send(res: http.ServerResponse, reply: Reply): 'gzip' | undefined {
  const plain = Buffer.from(reply.body, 'utf8');
  const zipped = reply.gzip ? gzipSync(plain) : undefined;
  if (zipped && zipped.length < plain.length) {
    res.writeHead(reply.status, { ...reply.headers, 'content-encoding': 'gzip', 'content-length': zipped.length });
    res.end(zipped);
    return 'gzip';
  }
  res.writeHead(reply.status, { ...reply.headers, 'content-length': plain.length });
  res.end(plain);
  return undefined;
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
