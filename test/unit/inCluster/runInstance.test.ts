import * as assert from 'assert';
import { isInsideService, parseRunInstance } from '../../../src/inCluster/runInstance';
import { recordedBody, skipWithoutRecordedV2 } from '../recordedV2';

describe('devenv/runInstance', () => {
  const uuid = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

  it('reads owner, project and uuid like get_run_info', () => {
    assert.deepStrictEqual(parseRunInstance({ POLYAXON_RUN_INSTANCE: `default.my-project-alice.runs.${uuid}` }), {
      owner: 'default',
      project: 'my-project-alice',
      uuid,
    });
  });

  it('reads the run from the environment a real Polyaxon v2.5.2 agent gave the service container', function () {
    skipWithoutRecordedV2(this);
    type Spec = { run_uuid: string; main_container: { env: { name: string; value?: string }[] } };
    const spec = recordedBody<Spec>('compiled-service-spec.vscode.json'); // the Operation's main container, not an exchange
    const env = Object.fromEntries(spec.main_container.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value]));
    assert.deepStrictEqual(parseRunInstance(env), { owner: 'default', project: 'my-project-alice', uuid: spec.run_uuid });
    assert.strictEqual(isInsideService(env), true);
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
