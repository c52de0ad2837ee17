import * as assert from 'assert';
import { isInsideService, parseRunInstance } from '../../../src/inCluster/runInstance';

describe('devenv/runInstance', () => {
  const uuid = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

  it('reads owner, project and uuid like get_run_info', () => {
    assert.deepStrictEqual(parseRunInstance({ POLYAXON_RUN_INSTANCE: `default.my-project-alice.runs.${uuid}` }), {
      owner: 'default',
      project: 'my-project-alice',
      uuid,
    });
  });

  it('tolerates surrounding whitespace', () => {
    assert.strictEqual(parseRunInstance({ POLYAXON_RUN_INSTANCE: ` default.p.runs.${uuid}\n` })?.uuid, uuid);
  });

  for (const value of [
    undefined,
    '',
    'default',
    'default.p.runs',
    `default.p.runs.${uuid}.extra`,
    `default..runs.${uuid}`,
    'default.p.runs.',
  ]) {
    it(`rejects ${JSON.stringify(value)}`, () => {
      assert.strictEqual(parseRunInstance({ POLYAXON_RUN_INSTANCE: value }), undefined);
    });
  }

  it('detects a service from the run instance or POLYAXON_IS_MANAGED', () => {
    assert.strictEqual(isInsideService({ POLYAXON_RUN_INSTANCE: `default.p.runs.${uuid}` }), true);
    assert.strictEqual(isInsideService({ POLYAXON_IS_MANAGED: 'true' }), true);
    assert.strictEqual(isInsideService({ POLYAXON_IS_MANAGED: 'True' }), true);
    assert.strictEqual(isInsideService({ POLYAXON_IS_MANAGED: 'false' }), false);
    assert.strictEqual(isInsideService({ POLYAXON_RUN_INSTANCE: 'garbage' }), false);
    assert.strictEqual(isInsideService({}), false);
  });
});
