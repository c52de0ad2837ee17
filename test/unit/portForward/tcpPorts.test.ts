// The port-forward's health check asks the forwarded port nothing in HTTP: Polyaxon v2 answers HEAD on a list with 405
// and has no /api/v1/version (recorded-v2/README.md, differences 2 and 4), so any HTTP probe would have to know the version.
import * as assert from 'assert';
import * as net from 'net';
import { acceptsConnections, firstFreePort, isPortFree } from '../../../src/portForward/tcpPorts';

describe('the port-forward health check', () => {
  it('sees a listening gateway by connecting only: no request, so no HEAD and no version route', async () => {
    const received: Buffer[] = [];
    let closed: () => void = () => undefined;
    const socketClosed = new Promise<void>((resolve) => (closed = resolve));
    const server = net.createServer((socket) => {
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      socket.on('close', () => closed());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      assert.strictEqual(await acceptsConnections(port), true);
      await socketClosed; // everything the check sent has arrived
      assert.strictEqual(Buffer.concat(received).length, 0, 'nothing was sent');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('sees a closed port as down', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    assert.strictEqual(await acceptsConnections(port), false);
  });
});

// Is a local port free for the forward? Both loopback addresses count: kubectl listens on 127.0.0.1 and [::1].
function listenOn(host: string, port = 0): Promise<net.Server | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host, exclusive: true }, () => resolve(server));
  });
}
const close = (server: net.Server) => new Promise((r) => server.close(r));
const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;

describe('isPortFree', () => {
  it('says a port taken on [::1] alone is not free', async function () {
    const v6 = await listenOn('::1');
    if (!v6) {
      console.log('    skipped: no IPv6 loopback ([::1]) on this machine');
      this.skip();
    }
    try {
      assert.strictEqual(await isPortFree(portOf(v6)), false);
      assert.notStrictEqual(await firstFreePort(portOf(v6)), portOf(v6));
    } finally {
      await close(v6);
    }
  });

  it('says a port taken on 127.0.0.1 is not free, and one taken nowhere is', async () => {
    const v4 = await listenOn('127.0.0.1');
    assert.ok(v4);
    const port = portOf(v4);
    assert.strictEqual(await isPortFree(port), false);
    await close(v4);
    assert.strictEqual(await isPortFree(port), true);
  });
});
