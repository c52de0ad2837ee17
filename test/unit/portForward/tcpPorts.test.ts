// Is a local port free for the forward? Both loopback addresses count: kubectl listens on 127.0.0.1 and [::1].
import * as assert from 'assert';
import * as net from 'net';
import { firstFreePort, isPortFree } from '../../../src/portForward/tcpPorts';

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
    if (!v6) this.skip(); // no IPv6 loopback on this machine
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
