// Log lines as a real server may send them, and the bounds that keep a long run's logs from growing without end.
import * as assert from 'assert';
import * as http from 'http';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { followLogs, RecentLines } from '../../../src/polyaxon/logs';
import { LogTail } from '../../../src/operate/logTail';
import { formatLogLine } from '../../../src/presentation/runText';
import { listen } from './helpers';

const UUID = 'c'.repeat(32);

/** A finished run whose archived logs hold a line with `"value": null`, as a container's empty output can. */
async function serverWithNullLine() {
  const server = http.createServer((req, res) => {
    const path = req.url ?? '';
    const body = path.includes('/logs')
      ? {
          last_time: null,
          last_file: null,
          logs: [
            { timestamp: '2026-01-01T00:00:01Z', pod: 'p', container: 'polyaxon-main', value: null },
            null,
            { timestamp: '2026-01-01T00:00:02Z', pod: 'p', container: 'polyaxon-main', value: 'after the empty line' },
          ],
        }
      : path.endsWith('/statuses')
        ? { uuid: UUID, status: 'succeeded', status_conditions: [] }
        : { uuid: UUID, status: 'succeeded', settings: { namespace: 'polyaxon' } };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  return listen(server);
}

describe('log lines', () => {
  it('follows past a line whose value is null', async () => {
    const server = await serverWithNullLine();
    try {
      const shown: string[] = [];
      const outcome = await followLogs(
        new PolyaxonClient({ host: server.url }),
        { owner: 'default', project: 'p', uuid: UUID },
        {
          signal: new AbortController().signal,
          onLines: (lines) => shown.push(...lines.map(formatLogLine)),
        },
      );
      assert.strictEqual(outcome, 'done');
      assert.deepStrictEqual(shown, ['2026-01-01T00:00:01Z polyaxon-main | ', '2026-01-01T00:00:02Z polyaxon-main | after the empty line']);
    } finally {
      await server.close();
    }
  });

  it('remembers a bounded number of lines to drop repeats, and drops lines older than all it remembers', () => {
    const seen = new RecentLines(100);
    const line = (i: number) => ({
      timestamp: `2026-01-01T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
      value: `line ${i}`,
    });
    const fresh = Array.from({ length: 1000 }, (_, i) => seen.add(line(i)));
    assert.strictEqual(fresh.filter(Boolean).length, 1000);
    assert.strictEqual(seen.size, 100);
    assert.strictEqual(seen.add(line(999)), false, 'a recent repeat');
    assert.strictEqual(seen.add(line(3)), false, 'an old line the archive repeats');
    assert.strictEqual(seen.add(line(1000)), true);
  });

  it('keeps the last 20,000 lines of a logs document and says how many older ones were dropped', () => {
    const tail = new LogTail();
    for (let chunk = 0; chunk < 25; chunk++) tail.push(Array.from({ length: 1000 }, (_, i) => `line ${chunk * 1000 + i}`));
    const lines = tail.text().split('\n');
    assert.strictEqual(lines.length, 20_001);
    assert.strictEqual(lines[0], '… 5,000 older lines were dropped: this document keeps the last 20,000.');
    assert.strictEqual(lines[1], 'line 5000');
    assert.strictEqual(lines.at(-1), 'line 24999');
  });

  it('adds no note while nothing was dropped', () => {
    const tail = new LogTail();
    tail.push(['a', 'b']);
    assert.strictEqual(tail.text(), 'a\nb');
  });
});
