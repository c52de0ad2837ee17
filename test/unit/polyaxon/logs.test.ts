// followLogs: the live → archived protocol against a scripted client, then once against the fake server.
import * as assert from 'assert';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import type { RunRef } from '../../../src/polyaxon/types';
import { PolyaxonError } from '../../../src/polyaxon/errors';
import { ARCHIVE_PAUSE_MS, followLogs, MAX_ARCHIVE_FILES } from '../../../src/polyaxon/logs';
import type { LogLine, Logs, RunStatus, RunStatuses } from '../../../src/polyaxon/types';

const ref: RunRef = { owner: 'default', project: 'p', uuid: 'a'.repeat(32) };
const line = (t: number, value = `line ${t}`): LogLine => ({
  timestamp: `2026-01-01T00:00:0${t}.000000+00:00`,
  pod: 'plx-operation-a',
  container: 'polyaxon-main',
  value,
});

interface LogsCall {
  lastTime?: string;
  lastFile?: string;
  namespace: string;
}

/** A client whose answers are scripted: statuses in order (the last one repeats), logs by mode. */
function scripted(statuses: RunStatus[], live: Logs[], archived: Logs[], namespace: string | null = 'polyaxon-v1') {
  const calls: LogsCall[] = [];
  let round = 0;
  const client = {
    getRun: async () => ({ uuid: ref.uuid, created_at: '2026-01-01T00:00:00Z', settings: namespace ? { namespace } : {} }),
    getNamespace: async () => 'from-endpoint',
    getStatuses: async (): Promise<RunStatuses> => ({
      uuid: ref.uuid,
      status: statuses[Math.min(round++, statuses.length - 1)],
      status_conditions: [{ type: 'created', last_transition_time: '2026-01-01T00:00:00.100Z' }],
    }),
    getLogs: async (target: RunRef & { namespace: string }, opts: { lastTime?: string; lastFile?: string }): Promise<Logs> => {
      calls.push({ ...opts, namespace: target.namespace });
      const next = opts.lastTime ? live.shift() : archived.shift();
      if (!next) throw new Error(`unexpected logs call ${JSON.stringify(opts)}`);
      return next;
    },
  };
  return { client: client as unknown as PolyaxonClient, calls };
}

describe('followLogs', () => {
  it('polls live logs passing back last_time, then reads the archive, showing each line once', async () => {
    const { client, calls } = scripted(
      ['running', 'running', 'stopped'],
      [
        { last_time: 'T1', last_file: null, logs: [line(1), line(2)] },
        { last_time: 'T2', last_file: null, logs: [line(2), line(3)] },
      ],
      [
        { last_time: null, last_file: 'chunk-1', logs: [line(1), line(2)] },
        { last_time: null, last_file: null, logs: [line(3), line(4)] },
      ],
    );
    const shown: string[] = [];
    const result = await followLogs(client, ref, {
      intervalMs: 1,
      signal: new AbortController().signal,
      onLines: (lines) => shown.push(...lines.map((l) => l.value)),
    });
    assert.strictEqual(result, 'done');
    assert.deepStrictEqual(shown, ['line 1', 'line 2', 'line 3', 'line 4']);
    assert.deepStrictEqual(calls, [
      { lastTime: '2026-01-01T00:00:00.100Z', namespace: 'polyaxon-v1' }, // the first condition's time
      { lastTime: 'T1', namespace: 'polyaxon-v1' },
      { lastFile: undefined, namespace: 'polyaxon-v1' },
      { lastFile: 'chunk-1', namespace: 'polyaxon-v1' },
    ]);
  });

  it('starts from `since` and keeps the previous last_time when the server answers null', async () => {
    const { client, calls } = scripted(
      ['running', 'running', 'succeeded'],
      [
        { last_time: null, last_file: null, logs: [] },
        { last_time: null, last_file: null, logs: [] },
      ],
      [{ last_time: null, last_file: null, logs: [] }],
    );
    await followLogs(client, ref, { since: 'S', intervalMs: 1, signal: new AbortController().signal, onLines: () => undefined });
    assert.deepStrictEqual(
      calls.map((c) => c.lastTime),
      ['S', 'S', undefined],
    );
  });

  it('reads only the archive for a run that is already done, asking the namespace when settings lack it', async () => {
    const { client, calls } = scripted(['failed'], [], [{ last_time: null, last_file: null, logs: [line(1)] }], null);
    let count = 0;
    const result = await followLogs(client, ref, { signal: new AbortController().signal, onLines: (l) => (count += l.length) });
    assert.strictEqual(result, 'done');
    assert.strictEqual(count, 1);
    assert.deepStrictEqual(calls, [{ lastFile: undefined, namespace: 'from-endpoint' }]);
  });

  it('pauses between archived files and stops after MAX_ARCHIVE_FILES when the server keeps naming a new last_file', async () => {
    const calls: (string | undefined)[] = [];
    const client = {
      getRun: async () => ({ uuid: ref.uuid, settings: { namespace: 'polyaxon-v1' } }),
      getStatuses: async (): Promise<RunStatuses> => ({ uuid: ref.uuid, status: 'succeeded', status_conditions: [] }),
      getLogs: async (_target: unknown, opts: { lastFile?: string }): Promise<Logs> => {
        calls.push(opts.lastFile);
        return { logs: [line(1, `file ${calls.length}`)], last_time: null, last_file: `file-${calls.length}` };
      },
    } as unknown as PolyaxonClient;
    const pauses: number[] = [];
    const wait = async (ms: number) => {
      pauses.push(ms);
      return true;
    };
    await assert.rejects(
      () => followLogs(client, ref, { signal: new AbortController().signal, onLines: () => undefined, wait }),
      new RegExp(`more than ${MAX_ARCHIVE_FILES} archived log files`),
    );
    assert.strictEqual(calls.length, MAX_ARCHIVE_FILES);
    assert.strictEqual(pauses.length, MAX_ARCHIVE_FILES - 1, 'a pause between every two files');
    assert.ok(pauses.every((ms) => ms === ARCHIVE_PAUSE_MS));
  });

  it('stops the archive at a last_file it read already (a server going round in a circle)', async () => {
    const file = (name: string, next: string | null): Logs => ({ logs: [line(1, name)], last_time: null, last_file: next });
    const { client, calls } = scripted(['succeeded'], [], [file('a', 'f1'), file('b', 'f2'), file('c', 'f1')]);
    const result = await followLogs(client, ref, {
      signal: new AbortController().signal,
      onLines: () => undefined,
      wait: async () => true,
    });
    assert.strictEqual(result, 'done');
    assert.strictEqual(calls.length, 3);
  });

  it('resolves cancelled when the signal aborts between polls', async () => {
    const { client } = scripted(['running'], [{ last_time: 'T', last_file: null, logs: [] }], []);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const result = await followLogs(client, ref, { intervalMs: 60_000, signal: controller.signal, onLines: () => undefined });
    assert.strictEqual(result, 'cancelled');
  });

  it('resolves cancelled when a request is cancelled, and rethrows other failures', async () => {
    const failing = (kind: 'cancelled' | 'server') =>
      ({
        getRun: async () => {
          throw new PolyaxonError({ kind, message: kind, host: 'h', method: 'GET', path: '/' });
        },
      }) as unknown as PolyaxonClient;
    const opts = { signal: new AbortController().signal, onLines: () => undefined };
    assert.strictEqual(await followLogs(failing('cancelled'), ref, opts), 'cancelled');
    await assert.rejects(() => followLogs(failing('server'), ref, opts), /server/);
  });

  describe('against the fake server', () => {
    let fake: FakePolyaxon;
    before(async () => {
      fake = await startFakePolyaxon({ seed: 'empty', operator: false });
      fake.addProject('logs');
    });
    after(() => fake.close());

    it('follows a running service until it stops, without duplicates', async function () {
      this.timeout(10000);
      const run = fake.addRun('logs', { kind: 'service', name: 'vscode-service', tags: ['vscode'] });
      fake.setStatus('logs', run.uuid, 'running');
      const client = new PolyaxonClient({ host: fake.url });
      const lines: LogLine[] = [];
      await client.getInstallation(); // the first request loads the HTTP client, which may take longer than the run lives
      setTimeout(() => fake.setStatus('logs', run.uuid, 'stopped'), 300);
      const result = await followLogs(
        client,
        { owner: 'default', project: 'logs', uuid: run.uuid },
        {
          intervalMs: 50,
          signal: new AbortController().signal,
          onLines: (l) => lines.push(...l),
        },
      );
      assert.strictEqual(result, 'done');
      const keys = lines.map((l) => `${l.timestamp} ${l.container} ${l.value}`);
      assert.strictEqual(new Set(keys).size, keys.length);
      const paths = fake.requests.map((r) => r.path).filter((p) => p.includes('/logs'));
      assert.ok(paths.length > 0);
      assert.ok(
        paths.some((p) => p.includes('last_time=')),
        'used live mode',
      );
      assert.ok(!paths.at(-1)?.includes('last_time='), 'ended in archived mode');
    });
  });
});
