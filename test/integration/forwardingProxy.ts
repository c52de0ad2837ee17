// A small forwarding HTTP proxy on 127.0.0.1 for the proxy tests: it logs every request it forwards, and resolves
// host names that only it knows, so a request that arrives proves it went through the proxy.
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface ForwardingProxy {
  url: string;
  /** Absolute request URIs, as clients send them to a proxy. */
  log: string[];
  close(): Promise<void>;
}

export async function startForwardingProxy(names: Record<string, string>): Promise<ForwardingProxy> {
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('a proxy needs an absolute URI');
      return;
    }
    const upstream = http.request(
      {
        host: names[target.hostname] ?? target.hostname,
        port: target.port || 80,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (e) => (res.headersSent ? res.destroy() : res.writeHead(502).end(`proxy: ${e.message}`)));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
