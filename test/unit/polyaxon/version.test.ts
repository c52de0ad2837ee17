import * as assert from 'assert';
import { createRunBody, isV2 } from '../../../src/polyaxon/version';

describe('version', () => {
  it('tells v2 from v1 by the major version', () => {
    assert.strictEqual(isV2({ version: '1.11.3', dist: 'ce' }), false);
    assert.strictEqual(isV2({ version: '2.13.0' }), true);
    assert.strictEqual(isV2({ version: 'v2.0.0-rc1' }), true);
    assert.strictEqual(isV2({ version: '10.0.0' }), true);
    assert.strictEqual(isV2({ version: 'unknown' }), false);
  });

  it('builds the v1 body like the CLI: content and is_managed only', () => {
    assert.deepStrictEqual(createRunBody('{"kind":"operation"}', false), { content: '{"kind":"operation"}', is_managed: true });
  });

  it('builds the v2 body with managed_by agent and no is_managed', () => {
    assert.deepStrictEqual(createRunBody('c', true), { content: 'c', managed_by: 'agent' });
  });

  it('adds name, description and tags only when given', () => {
    assert.deepStrictEqual(createRunBody('c', false, { name: 'n' }), { content: 'c', is_managed: true, name: 'n' });
    assert.deepStrictEqual(
      createRunBody('c', true, { name: 'n', description: 'd', tags: ['vscode'] }),
      { content: 'c', managed_by: 'agent', name: 'n', description: 'd', tags: ['vscode'] },
    );
  });
});
