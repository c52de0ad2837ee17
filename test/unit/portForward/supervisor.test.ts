import * as assert from 'assert';
import { ForwardError } from '../../../src/portForward/forwardError';
import { PortForwardSupervisor, type ForwardState, type ForwardTarget } from '../../../src/portForward/supervisor';
import { FakeChild, FakeClock, flush } from './fakes';

const target: ForwardTarget = {
  context: 'gke_aisg',
  namespace: 'polyaxon-v1',
  service: 'polyaxon-polyaxon-gateway',
  servicePort: 80,
  localPort: 8888,
};

function setup(options: { probe?: (port: number) => Promise<boolean> } = {}) {
  const clock = new FakeClock();
  const spawned: { command: string; args: string[]; child: FakeChild; at: number }[] = [];
  const states: ForwardState[] = [];
  const log: string[] = [];
  let onSpawn: (child: FakeChild) => void = (child) => child.print('Forwarding from 127.0.0.1:8888 -> 80');
  const supervisor = new PortForwardSupervisor({
    kubectl: () => ({ command: 'kubectl', env: {} }),
    log: { trace: () => undefined, info: (m) => log.push(m), warn: (m) => log.push(m) },
    timers: clock,
    probe: options.probe ?? (async () => true),
    spawn: (command, args) => {
      const child = new FakeChild();
      spawned.push({ command, args, child, at: clock.now() });
      setImmediate(() => onSpawn(child));
      return child;
    },
  });
  supervisor.onDidChange((s) => states.push(s));
  return {
    clock,
    spawned,
    states,
    log,
    supervisor,
    last: () => spawned[spawned.length - 1].child,
    /** What each next kubectl does once started. */
    behave: (fn: (child: FakeChild) => void) => {
      onSpawn = fn;
    },
  };
}

/** The state read afresh, out of reach of the narrowing of earlier asserts. */
const stateOf = (s: PortForwardSupervisor): ForwardState => s.state;

/** Lets events through until `condition` holds (pipes, exits and readline take a few turns of the loop). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (condition()) return;
    await flush();
  }
  throw new Error(`never happened: ${what}`);
}

/** Waits for the `failures`-th failure in a row and returns the restart delay it scheduled. */
async function failure(supervisor: PortForwardSupervisor, failures: number): Promise<number> {
  await until(() => {
    const s = stateOf(supervisor);
    return (s.kind === 'reconnecting' || s.kind === 'failed') && s.failures === failures;
  }, `failure ${failures}`);
  const s = stateOf(supervisor);
  return s.kind === 'reconnecting' || s.kind === 'failed' ? (s.retryInMs ?? -1) : -1;
}

const dies = (child: FakeChild) => {
  child.print('Forwarding from 127.0.0.1:8888 -> 80');
  setImmediate(() => {
    child.fail('error: lost connection to pod');
    child.exit(1);
  });
};

describe('PortForwardSupervisor', () => {
  it('runs kubectl port-forward like `polyaxon port-forward` and is up at its Forwarding line', async () => {
    const t = setup();
    await t.supervisor.start(target);
    assert.deepStrictEqual(
      t.spawned.map((s) => s.args),
      [['--context', 'gke_aisg', 'port-forward', '-n', 'polyaxon-v1', 'svc/polyaxon-polyaxon-gateway', '8888:80']],
    );
    assert.deepStrictEqual(t.supervisor.state, { kind: 'up', target, pid: t.last().pid });
    assert.deepStrictEqual(
      t.states.map((s) => s.kind),
      ['starting', 'up'],
    );
  });

  it('is not up when kubectl forwards another port than the one asked: it ends that kubectl and says so', async () => {
    const t = setup();
    t.behave((child) => child.print('Forwarding from 127.0.0.1:9999 -> 80'));
    await assert.rejects(t.supervisor.start(target), (e: ForwardError) =>
      /kubectl reported forwarding from port 9999, not from port 8888 as asked/.test(e.message),
    );
    assert.deepStrictEqual(t.last().signals, ['SIGTERM']);
    assert.ok(
      t.states.every((s) => s.kind !== 'up'),
      t.states.map((s) => s.kind).join(),
    );
    assert.strictEqual(t.supervisor.state.kind, 'failed');
  });

  it('rejects a first attempt that fails, with the reason, and does not retry it', async () => {
    const t = setup();
    const forbidden =
      'error: error upgrading connection: pods "polyaxon-polyaxon-gateway-7d9f" is forbidden: User "alice@example.com" cannot create resource "pods/portforward" in API group "" in the namespace "polyaxon-v1"';
    t.behave((child) => {
      child.fail(forbidden);
      child.exit(1);
    });
    await assert.rejects(t.supervisor.start(target), (e: ForwardError) => e.kind === 'forbidden' && e.message.includes(forbidden));
    assert.strictEqual(t.supervisor.state.kind, 'failed');
    await t.clock.advance(120_000);
    assert.strictEqual(t.spawned.length, 1);
  });

  it('restarts a forward that dies after 1 s, 2 s, 4 s … capped at 30 s, and says it failed from the third time', async () => {
    const t = setup();
    await t.supervisor.start(target);
    t.behave(dies);
    const delays: number[] = [];
    dies(t.last());
    for (let i = 1; i <= 7; i++) {
      const before = t.spawned.length;
      const diedAt = t.clock.now();
      const retryInMs = await failure(t.supervisor, i);
      await t.clock.advance(retryInMs - 1);
      assert.strictEqual(t.spawned.length, before, 'restarted too early');
      await t.clock.advance(1);
      assert.strictEqual(t.spawned.length, before + 1, 'not restarted on time');
      delays.push(t.spawned[before].at - diedAt);
    }
    assert.deepStrictEqual(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    const kinds = t.states.filter((s) => s.kind === 'reconnecting' || s.kind === 'failed').map((s) => s.kind);
    assert.deepStrictEqual(kinds.slice(0, 4), ['reconnecting', 'reconnecting', 'failed', 'failed']);
  });

  it('starts again at 1 s after a forward that had stayed up a while', async () => {
    const t = setup();
    await t.supervisor.start(target);
    t.behave(dies);
    dies(t.last());
    await t.clock.advance(await failure(t.supervisor, 1)); // 1st restart, dies at once
    await t.clock.advance(await failure(t.supervisor, 2)); // 2nd restart
    t.behave((child) => child.print('Forwarding from 127.0.0.1:8888 -> 80'));
    await t.clock.advance(await failure(t.supervisor, 3)); // 3rd restart stays up
    await until(() => t.supervisor.state.kind === 'up', 'up');
    await t.clock.advance(11_000);
    t.last().fail('error: lost connection to pod');
    t.last().exit(1);
    await until(() => t.supervisor.state.kind !== 'up', 'the death noticed');
    const state = stateOf(t.supervisor);
    assert.ok(state.kind === 'reconnecting', state.kind);
    assert.strictEqual(state.retryInMs, 1000);
    assert.strictEqual(state.error.kind, 'lostConnection');
  });

  it('restarts a forward whose port stops accepting connections, found by the periodic check', async () => {
    let accepting = true;
    let probes = 0;
    const t = setup({ probe: async () => (probes++, accepting) });
    await t.supervisor.start(target);
    await t.clock.advance(5_000);
    assert.strictEqual(probes, 1);
    assert.strictEqual(t.supervisor.state.kind, 'up');
    accepting = false;
    const first = t.last();
    await t.clock.advance(5_000);
    assert.deepStrictEqual(first.signals, ['SIGTERM']);
    await until(() => t.supervisor.state.kind !== 'up', 'the dead port noticed');
    const state = stateOf(t.supervisor);
    assert.ok(state.kind === 'reconnecting', state.kind);
    assert.match(state.error.message, /port 8888 stopped accepting connections/);
    accepting = true;
    await t.clock.advance(1_000);
    assert.strictEqual(t.spawned.length, 2);
    await until(() => t.supervisor.state.kind === 'up', 'up again');
  });

  it('checks an up forward at once after a wake from sleep', async () => {
    let probes = 0;
    const t = setup({ probe: async () => (probes++, true) });
    await t.supervisor.start(target);
    await t.clock.advance(2_000);
    t.clock.sleep(3_600_000);
    await t.clock.advance(0);
    assert.strictEqual(probes, 1);
    assert.ok(
      t.log.some((l) => /late \(the machine slept\?\)/.test(l)),
      t.log.join('\n'),
    );
  });

  it('retries at once after a wake instead of waiting out a long backoff, starting the streak afresh', async () => {
    const t = setup();
    await t.supervisor.start(target);
    t.behave(dies);
    dies(t.last());
    // five quick deaths: the next restart is 30 s away
    for (let i = 1; i <= 5; i++) await t.clock.advance(await failure(t.supervisor, i));
    await failure(t.supervisor, 6);
    const pending = t.supervisor.state;
    assert.ok(pending.kind === 'failed' && pending.retryInMs === 30_000, JSON.stringify(pending));
    const before = t.spawned.length;
    t.behave((child) => child.print('Forwarding from 127.0.0.1:8888 -> 80'));
    t.clock.sleep(25_000); // the lid was closed; the 30 s retry is not due yet, the 5 s tick is overdue
    await t.clock.advance(0);
    assert.strictEqual(t.spawned.length, before + 1, 'no attempt right after waking');
    await until(() => t.supervisor.state.kind === 'up', 'up after waking');
  });

  it('says kubectl is missing, and how to install it', async () => {
    const clock = new FakeClock();
    const supervisor = new PortForwardSupervisor({
      kubectl: () => ({ command: '/opt/nowhere/kubectl', env: {} }),
      log: { trace: () => undefined, info: () => undefined, warn: () => undefined },
      timers: clock,
      spawn: () => {
        const child = new FakeChild();
        setImmediate(() => child.emit('error', Object.assign(new Error('spawn /opt/nowhere/kubectl ENOENT'), { code: 'ENOENT' })));
        return child;
      },
    });
    await assert.rejects(
      supervisor.start(target),
      (e: ForwardError) => e.kind === 'kubectlNotFound' && /polyaxon\.kubectlPath/.test(e.message) && /Install it/.test(e.message),
    );
  });

  it('gives up on an attempt that never prints its Forwarding line', async () => {
    const t = setup();
    t.behave(() => undefined);
    const started = t.supervisor.start(target, { retryFirst: true });
    const outcome = started.then(
      () => 'up',
      (e: ForwardError) => e.kind,
    );
    await t.clock.advance(30_000);
    assert.strictEqual(await outcome, 'timeout');
    assert.deepStrictEqual(t.spawned[0].child.signals, ['SIGTERM']);
    const state = t.supervisor.state;
    assert.ok(state.kind === 'reconnecting' && state.retryInMs === 1000, JSON.stringify(state));
  });

  it('ends kubectl on stop() and on dispose(), and restarts nothing afterwards', async () => {
    const t = setup();
    await t.supervisor.start(target);
    const first = t.last();
    await t.supervisor.stop();
    assert.deepStrictEqual(first.signals, ['SIGTERM']);
    assert.strictEqual(first.alive, false);
    assert.strictEqual(t.supervisor.state.kind, 'off');
    await t.supervisor.start(target);
    const second = t.last();
    t.supervisor.dispose();
    await flush();
    assert.strictEqual(second.alive, false);
    await t.clock.advance(120_000);
    assert.strictEqual(t.spawned.length, 2);
  });
});
