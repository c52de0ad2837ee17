import * as assert from 'assert';
import { PolyaxonError } from '../../../src/polyaxon/errors';
import type { PolyaxonClient } from '../../../src/polyaxon/client';
import type { ServiceFilter } from '../../../src/runs/serviceList';
import { ServicesModel } from '../../../src/runs/servicesModel';

// The model as the hub of the views: the filter and the port-forward's "reconnecting" live here, not in the tree.
describe("ServicesModel as the views' hub", () => {
  function modelWith(client: Partial<PolyaxonClient>, saved: ServiceFilter[] = []) {
    let filter: ServiceFilter = 'active';
    const queries: string[] = [];
    const listing = {
      listRuns: async (_ref: unknown, opts: { query?: string }) => {
        queries.push(String(opts.query));
        return { count: 0, results: [] };
      },
      ...client,
    } as unknown as PolyaxonClient;
    const model = new ServicesModel({
      connection: async () => ({ client: listing, host: 'http://h', owner: 'o', hostSource: 'setting' }),
      projectNames: () => ['p'],
      filter: () => filter,
      saveFilter: async (f) => {
        saved.push(f);
        filter = f;
      },
    });
    return { model, queries };
  }

  it('saves a new filter, tells its views at once, and lists with it', async () => {
    const saved: ServiceFilter[] = [];
    const { model, queries } = modelWith({}, saved);
    let changes = 0;
    const sub = model.onDidChange(() => changes++);
    try {
      await model.refresh();
      const before = changes;
      queries.length = 0;
      const listed = new Promise<void>((resolve) => model.onDidChange(() => queries.length > 0 && resolve()));
      await model.setFilter('all');
      assert.deepStrictEqual(saved, ['all']);
      assert.strictEqual(model.filter, 'all');
      assert.ok(changes > before, 'the views heard of the new filter before any answer');
      await listed;
      assert.ok(
        queries.every((q) => !q.includes('status:~')),
        `the "all" filter lists every service: ${queries.join(' | ')}`,
      );
    } finally {
      sub.dispose();
      model.dispose();
    }
  });

  it('says "reconnecting" while the port-forward restarts and nothing is listed, and fetches again once it is back', async () => {
    let up = false;
    const { model, queries } = modelWith({
      listRuns: async () => {
        if (!up) {
          throw new PolyaxonError({
            kind: 'unreachable',
            message: 'connect ECONNREFUSED 127.0.0.1:8888',
            host: 'http://h',
            method: 'GET',
            path: '/api/v1/o/p/runs',
          });
        }
        queries.push('listed');
        return { count: 0, next: null, previous: null, results: [] };
      },
    });
    try {
      await model.refresh();
      assert.strictEqual(model.state, 'unreachable');
      model.setReconnecting(true);
      assert.strictEqual(model.reconnecting, true);
      assert.strictEqual(model.state, 'reconnecting');
      up = true;
      const back = new Promise<void>((resolve) => model.onDidChange(() => model.state === 'empty' && resolve()));
      model.setReconnecting(false);
      await back;
      assert.deepStrictEqual(queries.slice(0, 1), ['listed']);
    } finally {
      model.dispose();
    }
  });
});
