import * as assert from 'assert';
import { launchAgain } from '../../../src/serviceTab/launchAgain';

describe('launchAgain', () => {
  it("launches the same kind with the run's inputs as text, so the launch asks nothing", () => {
    assert.deepStrictEqual(launchAgain('vscode', 'p', { DOCKER_IMAGE: 'img:1', WORKING_DIR: '/w', PORT: 8080, EMPTY: null }), {
      command: 'polyaxon.launchVSCode',
      args: { project: 'p', params: { DOCKER_IMAGE: 'img:1', WORKING_DIR: '/w', PORT: '8080' } },
    });
    assert.strictEqual(launchAgain('jupyter', 'p', {}).command, 'polyaxon.launchJupyter');
  });

  it('opens the wizard of the project when the inputs are unknown', () => {
    assert.deepStrictEqual(launchAgain('jupyter', 'p', undefined), { command: 'polyaxon.launchJupyter', args: { project: 'p' } });
    const other = launchAgain(undefined, 'p', { DOCKER_IMAGE: 'x' });
    assert.deepStrictEqual(other, { command: 'polyaxon.launchFromPolyaxonfile', args: { project: 'p' } });
  });

  it('keeps the CPUs and memory the run was compiled with', () => {
    const content = JSON.stringify({ run: { kind: 'service', container: { resources: { requests: { cpu: 3, memory: '6Gi' } } } } });
    assert.deepStrictEqual(launchAgain('vscode', 'p', { DOCKER_IMAGE: 'img:1' }, content).args, {
      project: 'p',
      params: { DOCKER_IMAGE: 'img:1' },
      resources: { cpu: '3', memory: '6Gi' },
    });
    assert.deepStrictEqual(launchAgain('vscode', 'p', undefined, content).args, { project: 'p', resources: { cpu: '3', memory: '6Gi' } });
  });
});
