// Proxying to a service backend the way the gateway does (core/polyaxon/proxies/schemas/gateway/services.py):
// HTTP/1.1 with Upgrade passed through, `Origin ""`, X-Frame-Options hidden.
import * as http from 'http';
import * as net from 'net';
import { nginxError, write } from './reply';

/** nginx's `proxy_set_header Origin ""` drops the header; hop-by-hop headers are not forwarded. */
function forwardedHeaders(req: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...req.headers };
  delete headers.origin;
  delete headers['content-length'];
  return headers;
}

export function proxyHttp(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, target: string, path: string): void {
  const url = new URL(target);
  const upstream = http.request(
    {
      hostname: url.hostname,
      port: url.port,
      method: req.method,
      path,
      headers: { ...forwardedHeaders(req), 'content-length': body.length },
    },
    (answer) => {
      const headers = { ...answer.headers };
      delete headers['x-frame-options']; // proxy_hide_header X-Frame-Options
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => (res.headersSent ? res.destroy() : write(res, nginxError(502, 'Bad Gateway'))));
  upstream.end(body);
}

/** Replays the upgrade request to the backend and then splices the two sockets. */
export function proxyUpgrade(req: http.IncomingMessage, socket: net.Socket, head: Buffer, target: string, path: string): net.Socket {
  const url = new URL(target);
  const upstream = net.connect(Number(url.port), url.hostname, () => {
    const lines = [`${req.method} ${path} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      if (req.rawHeaders[i].toLowerCase() !== 'origin') lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    }
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
  socket.on('close', () => upstream.destroy());
  upstream.on('close', () => socket.destroy());
  return upstream;
}
