import * as assert from 'assert';
import { stopService } from '../../../src/runs/stopService';

describe('stopService (the one stop of the tree, the palette, the tab and a launch outcome)', () => {
  const ref = { owner: 'default', project: 'p', uuid: 'u1' };

  it('sends the stop, then re-reads the list and tells an open tab "stopping" at once', async () => {
    const calls: string[] = [];
    await stopService({ stopRun: async (r) => void calls.push(`stopRun ${r.uuid}`) }, ref, {
      refresher: { refreshNow: () => calls.push('refreshNow') },
      opener: { refresh: (r, change) => calls.push(`tab ${r.uuid} ${change}`) },
    });
    assert.deepStrictEqual(calls, ['stopRun u1', 'refreshNow', 'tab u1 stopping']);
  });

  it('updates nothing when Polyaxon refused the stop, and throws its error', async () => {
    const calls: string[] = [];
    await assert.rejects(
      stopService({ stopRun: () => Promise.reject(new Error('403 Forbidden')) }, ref, {
        refresher: { refreshNow: () => calls.push('refreshNow') },
        opener: { refresh: () => calls.push('tab') },
      }),
      /403 Forbidden/,
    );
    assert.deepStrictEqual(calls, []);
  });
});
