import * as assert from 'assert';
import { InvalidHostError } from '../../../src/connection/validHost';
import { ServicesModel } from '../../../src/runs/servicesModel';
import type { PolyaxonClient } from '../../../src/polyaxon/client';
import { isDone } from '../../../src/polyaxon/statuses';
import type { Run } from '../../../src/polyaxon/types';
import { FakeClock } from '../fakeClock';

describe('ServicesModel', () => {
  it('settles a refresh with the invalidHost state when the host is not a URL', async () => {
    let changes = 0;
    const model = new ServicesModel({
      connection: () => Promise.reject(new InvalidHostError('"htp://x" is not a valid Polyaxon host URL.', 'setting')),
      projectNames: () => ['p'],
      filter: () => 'active',
    });
    model.onDidChange(() => changes++);
    try {
      await model.refresh();
      assert.strictEqual(model.state, 'invalidHost');
      assert.match(String(model.lastError?.message), /htp:\/\/x/);
      assert.strictEqual(changes, 1);
    } finally {
      model.dispose();
    }
  });
});

/** A Polyaxon with one project whose services the test sets; counts each request. */
function scriptedPolyaxon(clock: FakeClock) {
  const server = {
    runs: [] as Run[],
    requests: [] as { at: number; what: string }[],
    listRuns: async (_ref: unknown, opts: { query?: string }) => {
      server.requests.push({ at: clock.now(), what: `list ${opts.query}` });
      const done = (r: Run) => isDone(r.status);
      const results = server.runs.filter((r) =>
        String(opts.query).includes('status:~') ? !done(r) : String(opts.query).includes('status:') ? done(r) : true,
      );
      return { count: results.length, results: results.map((r) => ({ ...r })) };
    },
    getStatuses: async (ref: { uuid: string }) => {
      server.requests.push({ at: clock.now(), what: 'statuses' });
      const run = server.runs.find((r) => r.uuid === ref.uuid);
      return { uuid: ref.uuid, status: run?.status, status_conditions: [] };
    },
    getRun: async (ref: { uuid: string }) => {
      server.requests.push({ at: clock.now(), what: 'run' });
      return { ...server.runs.find((r) => r.uuid === ref.uuid) };
    },
    between: (from: number, to: number) => server.requests.filter((r) => r.at > from && r.at <= to).length,
  };
  return server;
}

function modelOn(clock: FakeClock, server: ReturnType<typeof scriptedPolyaxon>, log?: { warn(m: string): void }): ServicesModel {
  const client = server as unknown as PolyaxonClient;
  return new ServicesModel(
    {
      connection: async () => ({ client, host: 'http://h', owner: 'o', hostSource: 'setting' }),
      projectNames: () => ['p'],
      filter: () => 'active',
    },
    { timers: clock, log },
  );
}

describe('ServicesModel polling', () => {
  const steady: Run[] = [
    { uuid: 'r1', name: 'vscode-1', status: 'running' },
    { uuid: 's1', name: 'vscode-0', status: 'stopped' },
  ];

  it('hidden and steady: one start-up fetch, then nothing', async () => {
    const clock = new FakeClock();
    const server = scriptedPolyaxon(clock);
    server.runs = steady;
    const model = modelOn(clock, server);
    await model.refresh();
    assert.strictEqual(model.state, 'ok');
    const t = clock.now();
    await clock.advance(3_600_000);
    assert.strictEqual(server.between(t, clock.now()), 0);
    model.dispose();
  });

  it('visible and steady: one request per 30 s (the finished list is re-read only when the active set changes)', async () => {
    const clock = new FakeClock();
    const server = scriptedPolyaxon(clock);
    server.runs = steady;
    const model = modelOn(clock, server);
    model.setVisible(true);
    await clock.advance(0);
    const t = clock.now();
    await clock.advance(3_600_000);
    assert.strictEqual(server.between(t, clock.now()), 120);
    model.dispose();
  });

  it('hidden with a service on its way: polls that run alone, fast, and updates the list when it runs', async () => {
    const clock = new FakeClock();
    const server = scriptedPolyaxon(clock);
    server.runs = [...steady, { uuid: 'q1', name: 'vscode-2', status: 'queued' }];
    const model = modelOn(clock, server);
    await model.refresh();
    const t = clock.now();
    await clock.advance(10_000);
    const asked = server.requests.filter((r) => r.at > t);
    assert.ok(asked.length > 0 && asked.length <= 6, `requests: ${asked.length}`);
    assert.ok(
      asked.every((r) => r.what === 'statuses' || r.what === 'run'),
      'no list request while hidden',
    );
    server.runs = server.runs.map((r) => (r.uuid === 'q1' ? { ...r, status: 'running' } : r));
    await clock.advance(2_000);
    assert.strictEqual(model.snapshot?.projects[0].runs.find((r) => r.uuid === 'q1')?.status, 'running');
    const after = clock.now();
    await clock.advance(600_000);
    assert.strictEqual(server.between(after, clock.now()), 0, 'all steady: nothing polls');
    model.dispose();
  });

  it('a throwing change listener stops neither the other listeners nor the polling, and is logged once', async () => {
    const clock = new FakeClock();
    const server = scriptedPolyaxon(clock);
    server.runs = [...steady, { uuid: 'q1', name: 'vscode-2', status: 'starting' }];
    const warnings: string[] = [];
    const model = modelOn(clock, server, { warn: (m) => warnings.push(m) });
    let heard = 0;
    model.onDidChange(() => {
      throw new TypeError('the tree broke');
    });
    model.onDidChange(() => heard++);
    model.setVisible(true);
    await clock.advance(0);
    const t = clock.now();
    await clock.advance(600_000);
    const lists = server.requests.filter((r) => r.at > t && r.what.startsWith('list')).length;
    assert.ok(lists >= 20, `the list is still polled: ${lists} list requests in 10 minutes`);
    assert.ok(heard >= 20, `the other listener still hears: ${heard}`);
    assert.strictEqual(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /A view of the services list failed on an update.*TypeError: the tree broke/s);
    model.dispose();
  });
});
