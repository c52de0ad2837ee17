// A statuses answer of the wrong type is a failed fetch like any other: the watchers hear of it, and polling goes on.
import * as assert from 'assert';
import * as http from 'http';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { RunStore, type RunState } from '../../../src/runs/runStore';
import { listen } from '../polyaxon/helpers';
import { FakeClock } from '../fakeClock';

const REF = { owner: 'default', project: 'p', uuid: 'aaaa' };
const TIMING = { fastMs: 2_000, slowMs: 30_000, maxBackoffMs: 120_000, stuckAfterMs: 600_000 };

describe('RunStore with a wrongly typed statuses answer', () => {
  it('reports {"status":"starting","status_conditions":{}} as a bad answer and keeps polling', async () => {
    let statuses: unknown = { status: 'starting', status_conditions: {} };
    const server = http.createServer((req, res) => {
      const body = req.url?.endsWith('/statuses') ? statuses : { uuid: REF.uuid, name: 'vscode-service', status: 'starting' };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    const { url, close } = await listen(server);
    const clock = new FakeClock();
    const client = new PolyaxonClient({ host: url });
    const store = new RunStore(async () => client, TIMING, clock);
    const states: RunState[] = [];
    let heard: (() => void) | undefined;
    const next = (condition: (s: RunState) => boolean) =>
      new Promise<RunState>((resolve) => {
        heard = () => {
          const last = states.at(-1);
          if (last && condition(last)) resolve(last);
        };
      });
    try {
      const failed = next((s) => s.error !== undefined);
      store.watch(REF, (s) => {
        states.push(s);
        heard?.();
      });
      await clock.advance(0); // the first fetch is due at once
      const state = await failed;
      assert.match(state.error?.message ?? '', /"status_conditions" is an object, not a list/);
      assert.strictEqual(clock.scheduled.length, 1, 'the next fetch is scheduled');
      statuses = { status: 'starting', status_conditions: [{ type: 'starting', reason: 'Scheduled', message: 'pod scheduled' }] };
      const recovered = next((s) => s.run?.status === 'starting' && s.error === undefined);
      await clock.advance(clock.scheduled[0]);
      const good = await recovered;
      assert.strictEqual(good.conditions[0]?.reason, 'Scheduled');
    } finally {
      store.dispose();
      await close();
    }
  });
});
