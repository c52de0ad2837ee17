// The request budget of `npm run bench`: what a refresh costs, how many requests an hour of watching makes, what a
// stuck service costs, and how soon the extension knows that a launched service runs. Against the local fake
// Polyaxon on 127.0.0.1 only; the hour and the stuck quarter-hour run on a virtual clock (real HTTP, virtual time).
import * as http from 'http';
import { gunzipSync } from 'zlib';
import { PolyaxonClient } from '../../src/polyaxon/client';
import type { Run } from '../../src/polyaxon/types';
import { followLaunch } from '../../src/launch/launchFollower';
import { DEFAULT_TIMING, realTimers, type Timers } from '../../src/runs/pollTiming';
import { RunStore } from '../../src/runs/runStore';
import { ServicesModel } from '../../src/runs/servicesModel';
import { startFakePolyaxon, type FakePolyaxon } from '../fake-polyaxon/server';
import { benchRow, type BenchRow } from './row';

const OWNER = 'default';
const MINUTE = 60_000;

/** Timers on a virtual clock. run() fires due timers in order, letting real HTTP answers arrive in between. */
class VirtualClock implements Timers {
  time = 0;
  private seq = 0;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  constructor(private readonly inFlight: () => number) {}
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.due.set(id, { at: this.time + Math.max(0, ms), fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }
  now(): number {
    return this.time;
  }
  /** Waits (real time) until no request is in flight and the event loop has run the callbacks of the answers. */
  async settle(): Promise<void> {
    for (let quiet = 0; quiet < 3;) {
      await new Promise((r) => setImmediate(r));
      if (this.inFlight() > 0) {
        quiet = 0;
        await new Promise((r) => setTimeout(r, 1));
      } else quiet++;
    }
  }
  /** Runs the half-open window [now, now + ms): a timer due exactly at its end belongs to the next window. */
  async run(ms: number): Promise<void> {
    const until = this.time + ms;
    for (let fired = 0; fired < 1_000_000; fired++) {
      await this.settle();
      const next = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at >= until) break;
      this.due.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].fn();
    }
    this.time = until;
    await this.settle();
  }
}

/** A client that counts its requests in flight, so the virtual clock waits for their answers. */
function countingClient(url: string): { client: PolyaxonClient; inFlight: () => number } {
  const client = new PolyaxonClient({ host: url });
  let open = 0;
  for (const method of ['listRuns', 'getRun', 'getStatuses'] as const) {
    const original = client[method].bind(client) as (...a: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      open++;
      try {
        return await original(...args);
      } finally {
        open--;
      }
    };
  }
  return { client, inFlight: () => open };
}

function modelFor(server: FakePolyaxon, client: PolyaxonClient, project: string, timers: Timers, store?: RunStore): ServicesModel {
  return new ServicesModel(
    {
      connection: async () => ({ client, host: server.url, owner: OWNER, hostSource: 'setting' }),
      projectNames: () => [project],
      filter: () => 'active',
    },
    { timers, store },
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** One GET as a plain Node client would make it: Accept-Encoding gzip, the body gunzipped and JSON.parse'd. */
function parsedGet(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip', accept: 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            const body = Buffer.concat(chunks);
            resolve(JSON.parse((res.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8')));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      })
      .on('error', reject);
  });
}

/** The baseline of a refresh: the same GETs, made at once with Node's `http`, gunzipped and parsed. */
const parsedGets = (urls: string[]): Promise<unknown[]> => Promise.all(urls.map(parsedGet));

/** A project of `size` runs: 5 active services, a few finished ones, and jobs (most of a real project's history). */
function seedProject(server: FakePolyaxon, project: string, size: number, activeStatus: Run['status'] = 'running'): void {
  server.addProject(project);
  for (let i = 0; i < size; i++) {
    const active = i >= size - 5;
    const service = active || i % 10 === 0;
    server.addRun(project, {
      name: active ? `vscode-${i}` : service ? `old-service-${i}` : `job-${i}`,
      kind: service ? 'service' : 'job',
      status: active ? activeStatus : service ? 'stopped' : 'succeeded',
      tags: service ? ['vscode'] : [],
    });
  }
}

async function refreshRows(server: FakePolyaxon): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of [10, 1_000, 10_000]) {
    const project = `bench-${size}`;
    seedProject(server, project, size);
    const { client } = countingClient(server.url);
    const model = modelFor(server, client, project, realTimers);
    const label = `${size.toLocaleString('en')} runs`;
    await model.refresh(); // warm: connection pool, JIT
    const before = server.requests.length;
    const times: number[] = [];
    for (let i = 0; i < 15; i++) times.push(await timed(() => model.refresh()));
    const perRefresh = (server.requests.length - before) / 15;
    const oneRefresh = server.requests.length;
    await model.refresh();
    const urls = server.requests.slice(oneRefresh).map((r) => `${server.url}${r.path}`);
    if (server.requests.slice(oneRefresh).some((r) => r.method !== 'GET')) throw new Error('a refresh made a request other than GET');
    model.dispose();
    await parsedGets(urls);
    const raw: number[] = [];
    for (let i = 0; i < 15; i++) raw.push(await timed(() => parsedGets(urls)));
    rows.push(
      benchRow({
        figure: `refresh, ${label} (5 active services): requests`,
        value: perRefresh,
        unit: 'requests',
        baseline: null,
        goal: '≤ 2',
        met: perRefresh <= 2,
      }),
    );
    const value = median(times);
    const baseline = median(raw);
    rows.push(
      benchRow({
        figure: `refresh, ${label}: fetch + model update vs its ${urls.length} GETs made at once with Node's http, gunzipped and parsed`,
        value,
        unit: 'ms',
        baseline,
        goal: '≤ 1.5× the plain GETs',
        met: value <= 1.5 * baseline,
      }),
    );
  }
  return rows;
}

async function hourRows(server: FakePolyaxon): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const visible of [false, true]) {
    const project = `hour-${visible ? 'visible' : 'hidden'}`;
    seedProject(server, project, 50);
    const { client, inFlight } = countingClient(server.url);
    const clock = new VirtualClock(inFlight);
    const model = modelFor(server, client, project, clock);
    if (visible) model.setVisible(true);
    else model.refreshNow(); // the start-up fetch
    await clock.run(0);
    const before = server.requests.length;
    await clock.run(60 * MINUTE);
    const value = server.requests.length - before;
    model.dispose();
    const goal = visible ? 120 : 0;
    rows.push(
      benchRow({
        figure: `requests in a simulated hour, view ${visible ? 'visible' : 'hidden'}, all steady (after the first load)`,
        value,
        unit: 'requests',
        baseline: null,
        goal: visible ? '≤ 120' : '0',
        met: value <= goal,
      }),
    );
  }
  return rows;
}

/**
 * One service stuck in `starting` for 15 minutes, with its tab open, the launch follower running and the tree hidden.
 * VS Code started earlier (its start-up list is not counted); the window opens with the launch's create answer and
 * counts every request after it: the launch's list refresh, the follower's, the tab's and the status bar's.
 */
async function stuckRows(server: FakePolyaxon): Promise<BenchRow[]> {
  const project = 'stuck';
  server.addProject(project);
  const { client, inFlight } = countingClient(server.url);
  const clock = new VirtualClock(inFlight);
  const store = new RunStore(async () => client, DEFAULT_TIMING, clock);
  const model = modelFor(server, client, project, clock, store);
  model.refreshNow(); // the start-up list
  await clock.run(MINUTE);
  const before = server.requests.length;
  const created = server.addRun(project, { name: 'vscode-stuck', kind: 'service', status: 'starting', tags: ['vscode'] });
  const ref = { owner: OWNER, project, uuid: created.uuid };
  store.ingest(ref, [created]); // the create answer
  model.refreshNow(); // the launch refreshes the list: the status bar then follows the moving service
  const abort = new AbortController();
  const follow = followLaunch({ watch: (l) => store.watch(ref, l, { fast: true }), timers: clock, signal: abort.signal });
  const unwatchTab = store.watch(ref, () => undefined); // the service tab's subscription
  await clock.run(10 * MINUTE);
  const first = server.requests.length - before;
  await clock.run(5 * MINUTE);
  const then = server.requests.length - before - first;
  abort.abort();
  await follow;
  unwatchTab();
  model.dispose();
  store.dispose();
  const per2s = first / ((10 * MINUTE) / 2_000);
  const per30s = then / ((5 * MINUTE) / 30_000);
  return [
    benchRow({
      figure: 'stuck in starting, tab + follower: requests per 2 s, first 10 min',
      value: per2s,
      unit: 'requests',
      baseline: null,
      goal: '≤ 1',
      met: per2s <= 1,
    }),
    benchRow({
      figure: 'stuck in starting, tab + follower: requests per 30 s, minutes 10–15',
      value: per30s,
      unit: 'requests',
      baseline: null,
      goal: '≤ 1',
      met: per30s <= 1,
    }),
  ];
}

/** 20 launches at once, each set to running at a random moment; real time. */
async function latencyRows(server: FakePolyaxon): Promise<BenchRow[]> {
  const project = 'latency';
  server.addProject(project);
  const client = new PolyaxonClient({ host: server.url });
  const store = new RunStore(async () => client);
  const latencies = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const created = server.addRun(project, { name: `vscode-${i}`, kind: 'service', status: 'queued', tags: ['vscode'] });
      const ref = { owner: OWNER, project, uuid: created.uuid };
      store.ingest(ref, [created]);
      let runningAt = 0;
      const known = new Promise<number>((resolve) => {
        const unwatch = store.watch(
          ref,
          (s) => {
            if (s.run?.status === 'running' && runningAt) {
              resolve(performance.now() - runningAt);
              queueMicrotask(unwatch);
            }
          },
          { fast: true },
        );
      });
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 3_000));
      runningAt = performance.now();
      server.setStatus(project, created.uuid, 'running');
      return known;
    }),
  );
  store.dispose();
  const value = median(latencies);
  const goal = DEFAULT_TIMING.fastMs + 100;
  return [
    benchRow({
      figure: 'launch-to-known latency, median of 20 launches',
      value,
      unit: 'ms',
      baseline: DEFAULT_TIMING.fastMs,
      goal: `≤ fast poll interval (${DEFAULT_TIMING.fastMs} ms) + 100 ms`,
      met: value <= goal,
    }),
  ];
}

export async function requestFigures(): Promise<BenchRow[]> {
  const server = await startFakePolyaxon({ seed: 'empty', operator: false });
  try {
    return [...(await refreshRows(server)), ...(await hourRows(server)), ...(await stuckRows(server)), ...(await latencyRows(server))];
  } finally {
    await server.close();
  }
}
