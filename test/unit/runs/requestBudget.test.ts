// The request budget when the list and a watch of the same run would fall into step: equal latencies, fake clock.
import * as assert from 'assert';
import type { PolyaxonClient } from '../../../src/polyaxon/client';
import { isDone } from '../../../src/polyaxon/statuses';
import type { Run, RunStatuses } from '../../../src/polyaxon/types';
import { DEFAULT_TIMING } from '../../../src/runs/pollTiming';
import { RunStore } from '../../../src/runs/runStore';
import { ServicesModel } from '../../../src/runs/servicesModel';
import { FakeClock } from '../fakeClock';

const LATENCY_MS = 100;
const REF = { owner: 'o', project: 'p', uuid: 's1' };

/** A Polyaxon whose every answer takes exactly LATENCY_MS of the fake clock; one service stays `starting`. */
function slowPolyaxon(clock: FakeClock) {
  const run: Run = { uuid: REF.uuid, name: 'vscode-stuck', status: 'starting' };
  const requests: { at: number; what: string }[] = [];
  const answer = <T>(what: string, value: T) => {
    requests.push({ at: clock.now(), what });
    return new Promise<T>((resolve) => clock.setTimeout(() => resolve(value), LATENCY_MS));
  };
  const client = {
    listRuns: (_ref: unknown, opts: { query?: string }) => {
      const results =
        String(opts.query).includes('status:~') || !String(opts.query).includes('status:') ? [run] : [run].filter((r) => isDone(r.status));
      return answer(`list ${opts.query}`, { count: results.length, next: null, previous: null, results: results.map((r) => ({ ...r })) });
    },
    getStatuses: () =>
      answer<RunStatuses>('statuses', {
        uuid: REF.uuid,
        status: 'starting',
        status_conditions: [{ type: 'starting', reason: 'ContainerCreating', message: 'pulling the image' }],
      }),
    getRun: () => answer('run', { ...run }),
  };
  return { client: client as unknown as PolyaxonClient, requests };
}

describe('request budget with latencies in step', () => {
  it('tree visible + a tab on a service stuck in starting + equal 100 ms latencies: at most 300 requests in 10 minutes', async () => {
    const clock = new FakeClock();
    const server = slowPolyaxon(clock);
    const store = new RunStore(async () => server.client, DEFAULT_TIMING, clock);
    const model = new ServicesModel(
      {
        connection: async () => ({ client: server.client, host: 'http://h', owner: REF.owner, hostSource: 'setting' }),
        projectNames: () => [REF.project],
        filter: () => 'active',
      },
      { store, timers: clock },
    );
    model.setVisible(true);
    const unwatch = store.watch(REF, () => undefined);
    const t0 = clock.now();
    await clock.advance(600_000);
    const made = server.requests.filter((r) => r.at >= t0 && r.at < t0 + 600_000);
    const kinds = made.reduce<Record<string, number>>((n, r) => ({ ...n, [r.what]: (n[r.what] ?? 0) + 1 }), {});
    assert.ok(made.length <= 300, `${made.length} requests in 10 minutes: ${JSON.stringify(kinds)}`);
    unwatch();
    model.dispose();
    store.dispose();
  });
});
