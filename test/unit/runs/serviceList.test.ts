import * as assert from 'assert';
import type { PolyaxonClient } from '../../../src/polyaxon/client';
import type { ListOptions, Page, Run } from '../../../src/polyaxon/types';
import { listServices } from '../../../src/runs/serviceList';

/** Answers the active query and the finished query as the server did for a run that stopped between the two. */
function clientSeeingAStop(): PolyaxonClient {
  const running: Run = { uuid: 'a'.repeat(32), name: 'vscode-1', status: 'running', updated_at: '2026-11-30T10:00:00Z' };
  const stopped: Run = { ...running, status: 'stopped', updated_at: '2026-11-30T10:00:05Z' };
  const other: Run = { uuid: 'b'.repeat(32), name: 'jupyter-1', status: 'queued', updated_at: '2026-11-30T09:00:00Z' };
  const page = (results: Run[]): Page<Run> => ({ count: results.length, next: null, previous: null, results });
  return {
    listRuns: async (_ref: unknown, opts: ListOptions) => (opts.query?.includes('status:~') ? page([running, other]) : page([stopped])),
  } as unknown as PolyaxonClient;
}

describe('listServices', () => {
  it('lists a run that changed status between the two parallel queries once, with its newer status', async () => {
    const { runs } = await listServices(clientSeeingAStop(), { owner: 'default', project: 'p' }, 'active');
    assert.deepStrictEqual(
      runs.map((r) => [r.name, r.status]),
      [
        ['vscode-1', 'stopped'],
        ['jupyter-1', 'queued'],
      ],
    );
  });
});
