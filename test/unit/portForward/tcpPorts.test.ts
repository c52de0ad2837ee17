// The port-forward's health check asks the forwarded port nothing in HTTP: Polyaxon v2 answers HEAD on a list with 405
// and has no /api/v1/version (recorded-v2/README.md, differences 2 and 4), so any HTTP probe would have to know the version.
import * as assert from 'assert';
import * as net from 'net';
import { acceptsConnections } from '../../../src/portForward/tcpPorts';

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
