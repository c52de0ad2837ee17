// Seeded fuzzing of what comes from outside and is read without a person checking it: server answers (statuses,
// archived-log pages), names that become URL path segments, Jupyter server ids, kubectl's Forwarding lines, service
// URLs framed by the webview, Dockerfile names, the services list's listeners, and answer latencies. Each suite would
// have found one of the defects of issue 20 (items 2–10). Replay a failure with FUZZ_SEED=<seed>.
import * as assert from 'assert';
import * as http from 'http';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { isPolyaxonError } from '../../../src/polyaxon/errors';
import { followLogs, MAX_ARCHIVE_FILES } from '../../../src/polyaxon/logs';
import type { Logs, RunStatuses } from '../../../src/polyaxon/types';
import { dockerfileProblem, buildAndPushSteps } from '../../../src/inCluster/devImage';
import { jupyterServerId, parseJupyterServerId } from '../../../src/notebooks/jupyterServers';
import { forwardingPort } from '../../../src/portForward/kubectlOutput';
import { PortForwardSupervisor } from '../../../src/portForward/supervisor';
import { RunStore } from '../../../src/runs/runStore';
import { frameSource } from '../../../src/serviceTab/serviceWebviewHtml';
import { unframableAddress } from '../../../src/serviceTab/framing';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { FakeClock } from '../fakeClock';
import { listen } from '../polyaxon/helpers';
import { FakeChild } from '../portForward/fakes';
import { budgetRun } from '../runs/budgetHarness';
import { DIGITS, LOWER, NEWLINES, Prng, SHELL, UNICODE } from './prng';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const TIMING = { fastMs: 2_000, slowMs: 30_000, maxBackoffMs: 120_000, stuckAfterMs: 600_000 };

/** Runs `count` cases from a PRNG of the suite's own, naming the seed and the case when one fails. */
async function fuzz<C>(suite: string, count: number, make: (rng: Prng) => C, check: (c: C) => unknown): Promise<void> {
  const rng = new Prng(SEED ^ [...suite].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7));
  for (let i = 0; i < count; i++) {
    const c = make(rng);
    try {
      await check(c);
    } catch (e) {
      throw new Error(`${suite} case #${i} (FUZZ_SEED=${SEED}): ${JSON.stringify(c)}\n${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** Any JSON value, nested a little: what a broken or hostile server may put in a field. */
function anyValue(rng: Prng, depth = 0): unknown {
  switch (rng.int(0, depth > 1 ? 4 : 6)) {
    case 0:
      return null;
    case 1:
      return rng.int(-5, 99999);
    case 2:
      return rng.chance(0.5);
    case 3:
      return rng.text(LOWER + SHELL + UNICODE, rng.int(0, 8));
    case 4:
      return rng.pick(['running', 'starting', 'failed', '', 'created']);
    case 5:
      return Array.from({ length: rng.int(0, 3) }, () => anyValue(rng, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: rng.int(0, 3) }, () => [rng.pick(['type', 'reason', 'message', 'x']), anyValue(rng, depth + 1)]),
      );
  }
}

/** A name as a server or a person may give it: dots, slashes, percent signs, shell characters, unicode. */
function pathName(rng: Prng): string {
  return rng.chance(0.3)
    ? rng.pick(['.', '..', '%2e', '%2E%2E', './', '..%2f', '.a', 'a.'])
    : rng.text(LOWER + DIGITS + './%?#' + SHELL + UNICODE, rng.int(1, 6));
}

describe(`fuzz of outside input (seed ${SEED})`, function () {
  this.timeout(120_000);

  it('statuses answers (item 3): typed, or a bad answer said in words; a watcher never throws and keeps polling', async () => {
    let body = '';
    const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    const { url, close } = await listen(server);
    const client = new PolyaxonClient({ host: url });
    const ref = { owner: 'o', project: 'p', uuid: 'u' };
    try {
      await fuzz(
        'statuses',
        150,
        (rng) => ({ status: anyValue(rng), status_conditions: rng.chance(0.5) ? anyValue(rng) : [anyValue(rng), anyValue(rng)] }),
        async (answer) => {
          body = JSON.stringify(answer);
          let statuses: RunStatuses | undefined;
          try {
            statuses = await client.getStatuses(ref);
          } catch (e) {
            assert.ok(isPolyaxonError(e, 'badResponse'), String(e));
            assert.match(e.message, /unexpected shape \("status(_conditions)?" is /);
          }
          if (statuses) {
            assert.ok(statuses.status === null || statuses.status === undefined || typeof statuses.status === 'string');
            assert.ok(Array.isArray(statuses.status_conditions));
            for (const c of statuses.status_conditions) assert.ok(typeof c.type === 'string' && typeof c.reason === 'string');
          }
          // The store takes the answer (or the failure) and schedules its next fetch.
          const clock = new FakeClock();
          const store = new RunStore(
            async () => ({ getStatuses: async () => client.getStatuses(ref), getRun: async () => ({ uuid: 'u', status: 'starting' }) }),
            TIMING,
            clock,
          );
          const heard = new Promise<void>((resolve) => store.watch(ref, () => resolve()));
          await clock.advance(0);
          await heard;
          assert.strictEqual(clock.scheduled.length, 1, 'the next fetch is scheduled');
          store.dispose();
        },
      );
    } finally {
      await close();
    }
  });

  it('names as path segments (item 5): refused before any request, or sent as exactly one segment each', async () => {
    const fake: FakePolyaxon = await startFakePolyaxon({ seed: 'empty', operator: false });
    const client = new PolyaxonClient({ host: fake.url });
    try {
      await fuzz(
        'pathSegments',
        200,
        (rng) => ({ owner: pathName(rng), project: pathName(rng), uuid: pathName(rng) }),
        async (ref) => {
          fake.requests.length = 0;
          const dots = [ref.owner, ref.project, ref.uuid].some((n) => n === '.' || n === '..');
          try {
            await client.getStatuses(ref);
          } catch (e) {
            if (dots) assert.match(String(e), /cannot be an owner, project, run or namespace name/);
          }
          if (dots) return assert.strictEqual(fake.requests.length, 0, 'a request left');
          const segments = fake.requests[0].path.split('?')[0].split('/').map(decodeURIComponent);
          assert.deepStrictEqual(segments, ['', 'api', 'v1', ref.owner, ref.project, 'runs', ref.uuid, 'statuses']);
        },
      );
    } finally {
      await fake.close();
    }
  });

  it('Jupyter server ids: parsing never throws, and ids of refs round-trip', () =>
    fuzz(
      'jupyterIds',
      300,
      (rng) => ({
        ref: { owner: pathName(rng), project: pathName(rng), uuid: pathName(rng) },
        raw: rng.text('%/ab.' + UNICODE, rng.int(0, 12)),
      }),
      (c) => {
        assert.deepStrictEqual(parseJupyterServerId(jupyterServerId(c.ref)), c.ref);
        const parsed = parseJupyterServerId(c.raw); // a stale or foreign id
        if (parsed) assert.strictEqual(jupyterServerId(parsed).split('/').length, 3);
      },
    ));

  it("kubectl's Forwarding lines (item 8): a port is 1–65535 and the one printed, else none", () =>
    fuzz(
      'forwardingLines',
      300,
      (rng) => ({
        address: rng.pick(['127.0.0.1', '[::1]', '0.0.0.0', '[fe80::1%eth0]']),
        port: rng.pick([String(rng.int(0, 70000)), '0', '99999', '00080', '-1', '8e3', '']),
      }),
      (c) => {
        const port = forwardingPort(`Forwarding from ${c.address}:${c.port} -> 80`);
        const n = Number(c.port);
        if (/^\d{1,5}$/.test(c.port) && n >= 1 && n <= 65535) assert.strictEqual(port, n);
        else assert.strictEqual(port, undefined);
      },
    ));

  it('a kubectl that ignores SIGTERM (item 7): dispose() ends it with SIGKILL after the grace time, whenever it is called', () =>
    fuzz(
      'disposeTiming',
      40,
      (rng) => ({ after: rng.int(0, 5_000) }),
      async (c) => {
        const clock = new FakeClock();
        const children: FakeChild[] = [];
        const supervisor = new PortForwardSupervisor({
          kubectl: () => ({ command: 'kubectl', env: {} }),
          log: { trace: () => undefined, info: () => undefined, warn: () => undefined },
          timers: clock,
          probe: async () => true,
          spawn: () => {
            const child = new (class extends FakeChild {
              override kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
                this.signals.push(signal);
                if (signal === 'SIGKILL') setImmediate(() => this.exit(null, signal));
                return true;
              }
            })();
            children.push(child);
            setImmediate(() => child.print('Forwarding from 127.0.0.1:8888 -> 80'));
            return child;
          },
        });
        await supervisor.start({ context: 'c', namespace: 'n', service: 's', servicePort: 80, localPort: 8888 });
        await clock.advance(c.after);
        supervisor.dispose();
        await clock.advance(3_000);
        assert.ok(
          children.every((child) => !child.alive),
          'a kubectl is left running',
        );
      },
    ));

  it('service URLs framed by the webview (item 10): frame-src is the exact origin, or none; never a bare scheme', () =>
    fuzz(
      'frameSources',
      300,
      (rng) =>
        `${rng.pick(['http', 'https'])}://${rng.pick(['[::1]', '[2001:db8::5]', '[::ffff:127.0.0.1]', '127.0.0.1', 'localhost', 'plx.example.com', 'xn--bcher-kva.example'])}${rng.pick(['', ':8117', ':80', ':443'])}/${rng.text(LOWER + '/%', rng.int(0, 10))}`,
      (url) => {
        const source = frameSource(url);
        assert.doesNotMatch(source, /^[a-z]+:$/, 'a bare scheme allows every page');
        if (unframableAddress(url)) assert.strictEqual(source, "'none'");
        else assert.strictEqual(source, new URL(url).origin);
      },
    ));

  it('archived log pages (item 6): at most MAX_ARCHIVE_FILES requests, with a pause between every two', () =>
    fuzz(
      'archivePages',
      20,
      (rng) => ({ files: rng.int(0, 1500), repeatAt: rng.chance(0.3) ? rng.int(1, 50) : undefined }),
      async (c) => {
        let pages = 0;
        const pauses: number[] = [];
        const client = {
          getRun: async () => ({ uuid: 'u', settings: { namespace: 'ns' } }),
          getStatuses: async () => ({ uuid: 'u', status: 'succeeded', status_conditions: [] }),
          getLogs: async (): Promise<Logs> => {
            pages++;
            const next = pages >= c.files ? null : `f-${c.repeatAt && pages > c.repeatAt ? c.repeatAt : pages}`;
            return { logs: [], last_time: null, last_file: next };
          },
        } as unknown as PolyaxonClient;
        const opts = { signal: new AbortController().signal, onLines: () => undefined, wait: async (ms: number) => pauses.push(ms) > 0 };
        await followLogs(client, { owner: 'o', project: 'p', uuid: 'u' }, opts).catch((e: Error) =>
          assert.match(e.message, /archived log files/),
        );
        assert.ok(pages <= MAX_ARCHIVE_FILES, `${pages} pages read`);
        assert.strictEqual(pauses.length, Math.max(0, pages - 1));
      },
    ));

  it('Dockerfile names (item 1): refused only for control characters; otherwise one docker argument, unchanged', () =>
    fuzz(
      'dockerfiles',
      300,
      (rng) =>
        `docker/${rng.text(LOWER + SHELL + UNICODE + ' ' + (rng.chance(0.2) ? NEWLINES + '\u0000\u007f\u2028' : ''), rng.int(1, 20))}-poly-vscode.Dockerfile`,
      (file) => {
        const control = [...file].some((ch) => /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(ch)); // eslint-disable-line no-control-regex
        assert.strictEqual(dockerfileProblem(file) !== undefined, control);
        if (!control) assert.strictEqual(buildAndPushSteps('r/x:1', file)[0].args.filter((a) => a === file).length, 1);
      },
    ));

  it('answer latencies (items 2 and 4): the list and a watch stay within one request per 2 s, even with a throwing listener', () =>
    fuzz(
      'latencies',
      12,
      (rng) => ({ listMs: rng.int(1, 1500), runMs: rng.chance(0.5) ? undefined : rng.int(1, 1500), throwing: rng.chance(0.5) }),
      async (c) => {
        const { requests, listFetches } = await budgetRun(c.listMs, c.runMs ?? c.listMs, c.throwing);
        assert.ok(requests <= 300, `${requests} requests in 10 minutes`);
        assert.ok(listFetches >= 150, `the list was fetched ${listFetches} times: it stopped polling`);
      },
    ));
});
