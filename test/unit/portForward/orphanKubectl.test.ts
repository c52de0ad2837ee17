// dispose() on a real process: a kubectl that ignores SIGTERM is killed after the grace time, checked by its pid.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { spawnKubectl } from '../../../src/portForward/childProcess';
import { PortForwardSupervisor } from '../../../src/portForward/supervisor';
import type { FakeKubectlState } from '../../fake-kubectl/state';
import { FakeClock } from './fakes';

const FAKE_KUBECTL = path.resolve(__dirname, '../../fake-kubectl/main.js');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (on the real clock: a real process ends) until `pid` is gone, or gives up after `ms`. */
async function gone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return !alive(pid);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('PortForwardSupervisor with a kubectl that ignores SIGTERM', function () {
  this.timeout(20_000);
  it('dispose() sends SIGKILL after the grace time: no orphan is left', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plx-orphan-'));
    const stateFile = path.join(dir, 'state.json');
    const state: FakeKubectlState = { target: { host: '127.0.0.1', port: 9 }, namespaces: { polyaxon: ['gateway'] }, ignoreSigterm: true };
    await fs.writeFile(stateFile, JSON.stringify(state));
    const localPort = await freePort();
    const clock = new FakeClock();
    let pid: number | undefined;
    const supervisor = new PortForwardSupervisor({
      kubectl: () => ({ command: process.execPath, env: { ...process.env, FAKE_KUBECTL_STATE: stateFile } }),
      log: { trace: () => undefined, info: () => undefined, warn: () => undefined },
      timers: clock,
      probe: async () => true,
      // The stand-in's own arguments: the context flag would send it to a real kubectl's config.
      spawn: (command, _args, env) => {
        const child = spawnKubectl(command, [FAKE_KUBECTL, 'port-forward', '-n', 'polyaxon', 'svc/gateway', `${localPort}:80`], env);
        pid = child.pid;
        return child;
      },
    });
    try {
      await supervisor.start({ context: 'c', namespace: 'polyaxon', service: 'gateway', servicePort: 80, localPort });
      assert.ok(pid !== undefined && alive(pid), 'the stand-in kubectl runs');
      supervisor.dispose();
      assert.strictEqual(await gone(pid, 500), false, 'it ignored SIGTERM');
      await clock.advance(3_000);
      assert.ok(await gone(pid, 5_000), `kubectl ${pid} is still alive after dispose() and the grace time`);
    } finally {
      if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGKILL');
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
