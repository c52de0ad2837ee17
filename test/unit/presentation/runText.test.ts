import * as assert from 'assert';
import type { StatusCondition } from '../../../src/polyaxon/types';
import { staticIcon } from '../../../src/polyaxon/statuses';
import { endOfLogsLine, formatLogLine, logsPath, newestFirst, parseLogsPath } from '../../../src/presentation/runText';

const UUID = '5180fcc7fddb44b28ceb22f418d7d2bb';
const ref = { owner: 'default', project: 'my-project-alice', uuid: UUID };

describe('formatLogLine', () => {
  it('writes timestamp, container and value', () => {
    assert.strictEqual(
      formatLogLine({
        timestamp: '2026-11-27T12:18:24.709623+00:00',
        container: 'polyaxon-main',
        pod: 'plx-operation-x',
        value: 'Listening on 0.0.0.0:8080',
      }),
      '2026-11-27T12:18:24.709623+00:00 polyaxon-main | Listening on 0.0.0.0:8080',
    );
  });

  it('prefixes every line of a multi-line value and drops its final newline', () => {
    assert.strictEqual(formatLogLine({ timestamp: 't', container: 'c', value: 'a\r\nb\n' }), 't c | a\nt c | b');
  });

  it('falls back to the pod, then a dash, when the container is unknown', () => {
    assert.strictEqual(formatLogLine({ timestamp: 't', pod: 'p', value: 'v' }), 't p | v');
    assert.strictEqual(formatLogLine({ timestamp: 't', value: 'v' }), 't - | v');
  });
});

describe('endOfLogsLine', () => {
  it('names the final status', () => {
    assert.strictEqual(endOfLogsLine('upstream_failed'), '— run is upstream failed, end of logs —');
  });
});

describe('logsPath / parseLogsPath', () => {
  it('round-trips owner, project and uuid through a readable path', () => {
    const path = logsPath(ref, 'vscode-service');
    assert.strictEqual(path, `/default/my-project-alice/vscode-service-${UUID}.log`);
    assert.deepStrictEqual(parseLogsPath(path), ref);
  });

  it('works without a name and keeps odd names inside one path segment', () => {
    assert.deepStrictEqual(parseLogsPath(logsPath(ref, null)), ref);
    const odd = logsPath(ref, 'my/service name');
    assert.strictEqual(odd, `/default/my-project-alice/my_service_name-${UUID}.log`);
    assert.deepStrictEqual(parseLogsPath(odd), ref);
  });

  it('accepts dashed uuids and rejects other paths', () => {
    assert.strictEqual(parseLogsPath('/o/p/x-5180fcc7-fddb-44b2-8ceb-22f418d7d2bb.log')?.uuid, '5180fcc7-fddb-44b2-8ceb-22f418d7d2bb');
    for (const bad of ['/o/p/x.log', `/o/${UUID}.log`, `/o/p/q/${UUID}.log`, `/o/p/${UUID}.txt`]) {
      assert.strictEqual(parseLogsPath(bad), undefined, bad);
    }
  });
});

describe('newestFirst', () => {
  const c = (type: string, time?: string): StatusCondition => ({ type, last_transition_time: time });

  it('sorts conditions newest first', () => {
    const sorted = newestFirst([
      c('created', '2026-11-27T12:00:00Z'),
      c('running', '2026-11-27T12:02:00Z'),
      c('queued', '2026-11-27T12:01:00Z'),
    ]);
    assert.deepStrictEqual(
      sorted.map((x) => x.type),
      ['running', 'queued', 'created'],
    );
  });

  it('puts the later of equal or missing times first (the server lists oldest first)', () => {
    assert.deepStrictEqual(
      newestFirst([c('created'), c('compiled'), c('queued')]).map((x) => x.type),
      ['queued', 'compiled', 'created'],
    );
  });

  it('falls back to last_update_time and leaves the input alone', () => {
    const input = [
      { type: 'a', last_update_time: '2026-11-27T12:00:00Z' },
      { type: 'b', last_update_time: '2026-11-27T13:00:00Z' },
    ];
    assert.deepStrictEqual(
      newestFirst(input).map((x) => x.type),
      ['b', 'a'],
    );
    assert.deepStrictEqual(
      input.map((x) => x.type),
      ['a', 'b'],
    );
  });
});

describe('staticIcon', () => {
  it("shows the tree's icons, without the spin that a quick pick cannot show", () => {
    assert.deepStrictEqual(
      ['running', 'succeeded', 'failed', 'unschedulable', 'warning', 'stopped', 'stopping', 'queued', 'on_schedule', 'bogus'].map(
        staticIcon,
      ),
      ['vm-running', 'pass', 'error', 'warning', 'warning', 'debug-stop', 'loading', 'loading', 'clock', 'question'],
    );
  });
});
