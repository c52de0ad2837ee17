import * as net from 'net';

// The forward listens on localhost (127.0.0.1 and ::1, as kubectl does by default).

/**
 * True when nothing listens on port on 127.0.0.1 nor on [::1], found by binding each for a moment: kubectl listens
 * on both, and `localhost` may resolve to either, so a process on one of them alone would get our requests.
 * A machine without IPv6 has no [::1] to listen on.
 */
export async function isPortFree(port: number): Promise<boolean> {
  return (await canBind(port, '127.0.0.1')) && (await canBind(port, '::1', ['EADDRNOTAVAIL', 'EAFNOSUPPORT']));
}

/** True when `host:port` can be bound, or the error is one of `absent` (the address does not exist here). */
function canBind(port: number, host: string, absent: string[] = []): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (e: NodeJS.ErrnoException) => resolve(absent.includes(e.code ?? '')));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** `preferred` when free, else the next free port above it. */
export async function firstFreePort(preferred: number, tries = 50): Promise<number> {
  for (let port = preferred; port < preferred + tries && port <= 65535; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free local port in ${preferred}–${preferred + tries - 1}.`);
}

/** True when 127.0.0.1:port accepts a TCP connection within `timeoutMs`. */
export function acceptsConnections(port: number, timeoutMs = 3_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
