import * as assert from 'assert';
import type { PolyaxonClient } from '../../../src/polyaxon/client';
import { PolyaxonError } from '../../../src/polyaxon/errors';
import type { Run } from '../../../src/polyaxon/types';
import { ServicesModel } from '../../../src/runs/servicesModel';
import { FakeClock } from '../fakeClock';

describe('an old connection error', () => {
  it('leaves the screen once a run is read again, without waiting for the next list fetch', async () => {
    const clock = new FakeClock();
    let down = false;
    const runs: Run[] = [{ uuid: 'r1', name: 'vscode-1', status: 'running' }];
    const client = {
      listRuns: async () => {
        if (down) {
          throw new PolyaxonError({ kind: 'unreachable', message: 'Cannot reach Polyaxon', host: 'http://h', method: 'GET', path: '/' });
        }
        return { count: runs.length, results: runs.map((r) => ({ ...r })) };
      },
    } as unknown as PolyaxonClient;
    const model = new ServicesModel(
      {
        connection: async () => ({ client, host: 'http://h', owner: 'o', hostSource: 'setting' }),
        projectNames: () => ['p'],
        filter: () => 'active',
      },
      { timers: clock },
    );
    try {
      await model.refresh();
      down = true;
      await model.refresh();
      assert.match(String(model.lastError?.message), /Cannot reach/, 'the error shows above the last list');
      down = false;
      // A tab's watch reads the run: the server is back.
      model.store.ingest({ owner: 'o', project: 'p' }, [{ ...runs[0], status: 'stopping' }]);
      await clock.advance(0);
      assert.strictEqual(model.lastError, undefined);
    } finally {
      model.dispose();
    }
  });
});
