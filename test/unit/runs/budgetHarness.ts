// Ten minutes of the services list (tree visible) and one tab watching a service stuck in `starting`, on a fake clock,
// against a Polyaxon whose answers take the given latencies: what the request budget is measured on.
import type { PolyaxonClient } from '../../../src/polyaxon/client';
import { isDone } from '../../../src/polyaxon/statuses';
import type { Run, RunStatuses } from '../../../src/polyaxon/types';
import { DEFAULT_TIMING } from '../../../src/runs/pollTiming';
import { RunStore } from '../../../src/runs/runStore';
import { ServicesModel } from '../../../src/runs/servicesModel';
import { FakeClock } from '../fakeClock';

const REF = { owner: 'o', project: 'p', uuid: 's1' };

export interface BudgetFigures {
  /** Requests made in the ten minutes after the start-up fetches. */
  requests: number;
  /** Fetches of the list of active services among them. */
  listFetches: number;
  /** Requests by kind, for the failure message. */
  kinds: Record<string, number>;
  warnings: string[];
}

export async function budgetRun(listMs: number, runMs: number, throwingListener = false): Promise<BudgetFigures> {
  const clock = new FakeClock();
  const run: Run = { uuid: REF.uuid, name: 'vscode-stuck', status: 'starting' };
  const requests: { at: number; what: string }[] = [];
  const answer = <T>(what: string, ms: number, value: T) => {
    requests.push({ at: clock.now(), what });
    return new Promise<T>((resolve) => clock.setTimeout(() => resolve(value), ms));
  };
  const client = {
    listRuns: (_ref: unknown, opts: { query?: string }) => {
      const active = String(opts.query).includes('status:~');
      const results = [run].filter((r) => active === !isDone(r.status));
      return answer(active ? 'list active' : 'list finished', listMs, { count: results.length, next: null, previous: null, results });
    },
    getStatuses: () =>
      answer<RunStatuses>('statuses', runMs, {
        uuid: REF.uuid,
        status: 'starting',
        status_conditions: [{ type: 'starting', reason: 'ContainerCreating', message: 'pulling the image' }],
      }),
    getRun: () => answer('run', runMs, { ...run }),
  } as unknown as PolyaxonClient;
  const warnings: string[] = [];
  const store = new RunStore(async () => client, DEFAULT_TIMING, clock);
  const model = new ServicesModel(
    {
      connection: async () => ({ client, host: 'http://h', owner: REF.owner, hostSource: 'setting' }),
      projectNames: () => [REF.project],
      filter: () => 'active',
    },
    { store, timers: clock, log: { warn: (m) => warnings.push(m) } },
  );
  if (throwingListener) {
    model.onDidChange(() => {
      throw new TypeError('a view broke');
    });
  }
  model.setVisible(true);
  const unwatch = store.watch(REF, () => undefined);
  const t0 = clock.now();
  await clock.advance(600_000);
  // The start-up burst (both lists, the tab's first read of the run) is not polling: counted from the first poll on.
  const made = requests.filter((r) => r.at > t0 && r.at <= t0 + 600_000);
  unwatch();
  model.dispose();
  store.dispose();
  const kinds = made.reduce<Record<string, number>>((n, r) => ({ ...n, [r.what]: (n[r.what] ?? 0) + 1 }), {});
  return { requests: made.length, listFetches: kinds['list active'] ?? 0, kinds, warnings };
}
