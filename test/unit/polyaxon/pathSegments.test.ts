// Names that are path segments: `.` and `..` would be resolved away by URL parsing, sending the request elsewhere.
import * as assert from 'assert';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { runUiUrl, serviceUrl } from '../../../src/polyaxon/urls';

const UUID = '5180fcc7fddb44b28ceb22f418d7d2bb';

describe('path segments of requests and URLs', () => {
  let fake: FakePolyaxon;
  let client: PolyaxonClient;
  before(async () => {
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
    client = new PolyaxonClient({ host: fake.url });
  });
  after(() => fake.close());
  beforeEach(() => (fake.requests.length = 0));

  for (const dots of ['.', '..']) {
    const refs = [
      { owner: dots, project: 'p', uuid: UUID },
      { owner: 'default', project: dots, uuid: UUID },
      { owner: 'default', project: 'p', uuid: dots },
    ];
    it(`refuses "${dots}" as an owner, project or run before any request (stopRun, getStatuses, listRuns, logs)`, async () => {
      for (const ref of refs) {
        const calls = [
          () => client.stopRun(ref),
          () => client.getStatuses(ref),
          () => client.deleteRun(ref),
          ...(ref.uuid === dots ? [] : [() => client.listRuns(ref)]),
          () => client.getLogs({ ...ref, namespace: 'polyaxon' }, {}),
        ];
        for (const call of calls) {
          await assert.rejects(call, (e: Error) => {
            assert.match(e.message, new RegExp(`"${dots.replace(/\./g, '\\.')}" cannot be an owner, project, run or namespace name`));
            return true;
          });
        }
      }
      await assert.rejects(() => client.getLogs({ owner: 'default', project: 'p', uuid: UUID, namespace: dots }, {}));
      assert.deepStrictEqual(
        fake.requests.map((r) => `${r.method} ${r.path}`),
        [],
        'no request left',
      );
    });

    it(`refuses "${dots}" in the URLs a user opens`, () => {
      for (const ref of refs) {
        assert.throws(() => runUiUrl('http://localhost:8117', ref), /cannot be an owner, project, run or namespace name/);
        assert.throws(() => serviceUrl('http://localhost:8117', ref, { uuid: UUID }), /cannot be/);
      }
    });
  }

  it('still escapes every other name, dots inside it included', async () => {
    const ref = { owner: 'default', project: '..a', uuid: 'b..' };
    await assert.rejects(() => client.getStatuses(ref));
    assert.deepStrictEqual(
      fake.requests.map((r) => r.path),
      ['/api/v1/default/..a/runs/b../statuses'],
    );
  });
});
