// Fault injection: every client operation against every fault switch of the fake Polyaxon. For each pair:
// a typed error naming the host and the action; no unhandled rejection; the services model keeps its last good
// list under the fault and recovers by itself once it ends; its backoff grows during the fault and resets after.
// The table of passes is printed at the end (and copied into the README's "Reliability" section).
import * as assert from 'assert';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import type { ProjectRef, RunRef } from '../../../src/polyaxon/types';
import { isPolyaxonError, type PolyaxonErrorKind } from '../../../src/polyaxon/errors';
import { ServicesModel } from '../../../src/runs/servicesModel';
import type { Timers } from '../../../src/runs/pollTiming';
import { clearFaults, vscodeOperation } from '../polyaxon/helpers';

const PROJECT = 'faults';
const TIMEOUT_MS = 250;
const TIMING = { fastMs: 20, slowMs: 20, maxBackoffMs: 10_000, stuckAfterMs: 600_000 };

type Op = 'list' | 'get' | 'create' | 'stop' | 'delete' | 'statuses' | 'logs';
type Fault = 'latency' | 'refused' | 'reset' | '500' | '502' | '503' | 'html' | 'truncated' | 'empty' | 'gzip' | '401' | '403' | '404';

interface Context {
  client: PolyaxonClient;
  project: ProjectRef;
  run: RunRef;
}

/** Each operation, and the words its error must use for the action. */
const OPERATIONS: Record<Op, { action: (run: RunRef) => string; call: (c: Context) => Promise<unknown> }> = {
  list: { action: () => `list the runs of default/${PROJECT}`, call: (c) => c.client.listRuns(c.project, { query: 'kind:service' }) },
  get: { action: (r) => `read run ${r.uuid.slice(0, 8)} of default/${PROJECT}`, call: (c) => c.client.getRun(c.run) },
  create: {
    action: () => `create a run in default/${PROJECT}`,
    call: (c) => c.client.createRun(c.project, { content: vscodeOperation() }),
  },
  stop: { action: (r) => `stop run ${r.uuid.slice(0, 8)} of default/${PROJECT}`, call: (c) => c.client.stopRun(c.run) },
  delete: { action: (r) => `delete run ${r.uuid.slice(0, 8)} of default/${PROJECT}`, call: (c) => c.client.deleteRun(c.run) },
  statuses: {
    action: (r) => `read the statuses of run ${r.uuid.slice(0, 8)} of default/${PROJECT}`,
    call: (c) => c.client.getStatuses(c.run),
  },
  logs: {
    action: (r) => `read the logs of run ${r.uuid.slice(0, 8)} of default/${PROJECT}`,
    call: (c) => c.client.getLogs({ ...c.run, namespace: 'polyaxon-v1' }, { lastFile: undefined }),
  },
};

/** How to switch each fault on, and the error kinds it may give. */
const FAULTS: Record<Fault, { label: string; on: (fake: FakePolyaxon) => Promise<void> | void; kinds: PolyaxonErrorKind[] }> = {
  latency: {
    label: 'latency past the timeout',
    on: (f) => void Object.assign(f.faults, { latencyMs: TIMEOUT_MS * 3 }),
    kinds: ['timeout'],
  },
  refused: { label: 'connection refused', on: (f) => f.refuseConnections(), kinds: ['unreachable'] },
  reset: {
    label: 'reset mid-body',
    on: (f) => void Object.assign(f.faults, { resetMidBody: true }),
    kinds: ['unreachable', 'badResponse'],
  },
  500: { label: '500', on: (f) => void Object.assign(f.faults, { status: 500 }), kinds: ['server'] },
  502: { label: '502', on: (f) => void Object.assign(f.faults, { status: 502 }), kinds: ['server'] },
  503: { label: '503', on: (f) => void Object.assign(f.faults, { status: 503 }), kinds: ['server'] },
  html: { label: 'HTML login page (200)', on: (f) => void Object.assign(f.faults, { html: true }), kinds: ['notPolyaxon'] },
  truncated: { label: 'truncated JSON', on: (f) => void Object.assign(f.faults, { truncatedJson: true }), kinds: ['badResponse'] },
  empty: { label: 'empty body', on: (f) => void Object.assign(f.faults, { emptyBody: true }), kinds: ['badResponse'] },
  gzip: { label: 'corrupt gzip', on: (f) => void Object.assign(f.faults, { corruptGzip: true }), kinds: ['badResponse'] },
  401: { label: '401', on: (f) => void Object.assign(f.faults, { status: 401 }), kinds: ['unauthorized'] },
  403: { label: '403', on: (f) => void Object.assign(f.faults, { status: 403 }), kinds: ['forbidden'] },
  404: { label: '404 of the project', on: (f) => void Object.assign(f.faults, { status: 404 }), kinds: ['projectNotFound', 'notFound'] },
};

/** Pairs where the "fault" is the endpoint's normal answer: a delete answers 204 with no body, so cutting it changes nothing. */
const NOT_A_FAULT = new Set(['delete×empty', 'delete×truncated']);
const FAULT_ORDER: Fault[] = [
  'latency',
  'refused',
  'reset',
  '500',
  '502',
  '503',
  'html',
  'truncated',
  'empty',
  'gzip',
  '401',
  '403',
  '404',
];

const CHECKS = [
  'typed error naming host and action',
  'no unhandled rejection',
  'keeps last good list, recovers by itself',
  'backoff grows and resets',
] as const;

/** Real timers that remember each delay the poller asked for. */
class RecordingTimers implements Timers {
  delays: number[] = [];
  private readonly handles = new Set<NodeJS.Timeout>();
  setTimeout(fn: () => void, ms: number): unknown {
    this.delays.push(ms);
    const h = setTimeout(() => {
      this.handles.delete(h);
      fn();
    }, ms);
    this.handles.add(h);
    return h;
  }
  clearTimeout(handle: unknown): void {
    clearTimeout(handle as NodeJS.Timeout);
    this.handles.delete(handle as NodeJS.Timeout);
  }
  now(): number {
    return Date.now();
  }
}

async function until(probe: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('fault injection: operations × faults', function () {
  this.timeout(30_000);
  let fake: FakePolyaxon;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const table = new Map<string, boolean[] | 'n/a'>();

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
    fake.addProject(PROJECT);
    fake.addRun(PROJECT, { name: 'steady-vscode', kind: 'service', status: 'running', tags: ['vscode'] });
    fake.addRun(PROJECT, { name: 'steady-jupyter', kind: 'service', status: 'stopped', tags: ['jupyter'] });
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await fake.close();
    printTable(table);
  });

  for (const op of Object.keys(OPERATIONS) as Op[]) {
    for (const fault of FAULT_ORDER) {
      const key = `${op}×${fault}`;
      it(`${op} × ${FAULTS[fault].label}`, async () => {
        if (NOT_A_FAULT.has(key)) {
          table.set(key, 'n/a');
          return;
        }
        const passed = await runCase(fake, op, fault, unhandled);
        table.set(
          key,
          passed.map((p) => p === true),
        );
        const failures = passed.filter((p): p is string => p !== true);
        assert.deepStrictEqual(failures, []);
      });
    }
  }
});

/** Runs one pair; each check gives true or what went wrong. */
async function runCase(fake: FakePolyaxon, op: Op, fault: Fault, unhandled: unknown[]): Promise<(true | string)[]> {
  const client = new PolyaxonClient({ host: fake.url, timeoutMs: TIMEOUT_MS });
  const project = { owner: 'default', project: PROJECT };
  // A run of its own per case: stop and delete must find one.
  const run = {
    ...project,
    uuid: fake.addRun(PROJECT, { name: `case-${op}-${fault}`, kind: 'service', status: 'running', tags: ['vscode'] }).uuid,
  };
  const timers = new RecordingTimers();
  const model = new ServicesModel(
    {
      connection: async () => ({ client, host: fake.url, owner: 'default', hostSource: 'setting' }),
      projectNames: () => [PROJECT],
      filter: () => 'all',
    },
    { timing: TIMING, timers },
  );
  const results: (true | string)[] = [];
  const check = async (fn: () => Promise<void> | void) => {
    try {
      await fn();
      results.push(true);
    } catch (e) {
      results.push(e instanceof Error ? e.message : String(e));
    }
  };
  unhandled.length = 0;
  try {
    model.setVisible(true);
    await until(() => model.snapshot !== undefined && model.lastError === undefined, 'a first good list');
    const good = model.snapshot!.projects[0].runs.map((r) => r.uuid).sort();
    assert.ok(good.length >= 3, `runs listed before the fault: ${good.length}`);

    await FAULTS[fault].on(fake);
    const failuresAtFaultStart = timers.delays.length;
    await check(async () => {
      try {
        await OPERATIONS[op].call({ client, project, run });
      } catch (e) {
        assert.ok(isPolyaxonError(e), `not a PolyaxonError: ${String(e)}`);
        assert.ok(FAULTS[fault].kinds.includes(e.kind), `kind ${e.kind}, expected ${FAULTS[fault].kinds.join('/')}: ${e.message}`);
        assert.ok(e.message.includes(fake.url), `names the host: ${e.message}`);
        assert.ok(e.message.startsWith(`Could not ${OPERATIONS[op].action(run)}: `), `names the action: ${e.message}`);
        return;
      }
      assert.fail(`${op} succeeded under ${fault}`);
    });

    // Three failed polls in a row, each waited out longer than the one before.
    await until(() => model.nextDelay !== undefined && model.nextDelay >= TIMING.slowMs * 8, 'three failures in a row', 15_000);
    const underFault = model.snapshot?.projects[0].runs.map((r) => r.uuid).sort();
    const grew = timers.delays.slice(failuresAtFaultStart);

    clearFaults(fake);
    await fake.acceptConnections();
    await until(() => model.lastError === undefined, 'recovery without a refresh', 15_000);
    await check(() => assert.deepStrictEqual(unhandled, [], 'unhandled rejections'));
    await check(() => {
      assert.deepStrictEqual(underFault, good, 'the last good list stays during the fault');
      // A delete that timed out or was cut off may still have happened on the server: compare with what it holds now.
      const now = (model.snapshot?.projects[0].runs ?? []).map((r) => r.uuid).sort();
      const held = good.filter((uuid) => fake.getRun(PROJECT, uuid) !== undefined);
      assert.deepStrictEqual(
        now.filter((uuid) => good.includes(uuid)),
        held,
        "the list after recovery is the server's",
      );
    });
    await check(() => {
      assert.ok(grew.length >= 3, `delays under the fault: ${grew.join(', ')}`);
      assert.ok(
        grew.every((d, i) => i === 0 || d > grew[i - 1]),
        `backoff grows: ${grew.join(', ')}`,
      );
      assert.strictEqual(model.nextDelay, TIMING.slowMs, 'and resets');
    });
  } finally {
    model.dispose();
    clearFaults(fake);
    await fake.acceptConnections();
  }
  return results;
}

function printTable(table: Map<string, boolean[] | 'n/a'>): void {
  const ops = Object.keys(OPERATIONS) as Op[];
  const faults = FAULT_ORDER;
  const lines = [`| operation | ${faults.map((f) => FAULTS[f].label).join(' | ')} |`, `|---|${faults.map(() => '---').join('|')}|`];
  let pairs = 0;
  let green = 0;
  let notApplicable = 0;
  for (const op of ops) {
    const cells = faults.map((f) => {
      const r = table.get(`${op}×${f}`);
      if (r === undefined) return '–';
      if (r === 'n/a') {
        notApplicable++;
        return 'n/a';
      }
      pairs++;
      const ok = r.filter(Boolean).length;
      if (ok === CHECKS.length) green++;
      return `${ok}/${CHECKS.length}`;
    });
    lines.push(`| ${op} | ${cells.join(' | ')} |`);
  }
  console.log(`\n      Fault table (checks per pair: ${CHECKS.join('; ')})\n`);
  console.log(lines.map((l) => `      ${l}`).join('\n'));
  console.log(`\n      ${green}/${pairs} pairs pass every check; ${notApplicable} n/a (the fault is the endpoint's normal answer).\n`);
}
