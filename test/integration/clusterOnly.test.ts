// Issue 13 item 8: on a laptop, the in-service commands explain themselves and offer the cluster VS Code; they never
// create the shared workspace folder locally, whatever calls them (the walkthrough's button, a keybinding).
import * as assert from 'assert';
import { promises as fs } from 'fs';
import { executeWithRecordedPrompts, useTempWorkspaceRoot } from '../integration-incluster/fixtures';

describe('cluster-only commands outside a service', () => {
  let dir: string;
  let removeWorkspace: () => Promise<void>;

  before(async () => {
    assert.strictEqual(process.env.POLYAXON_RUN_INSTANCE, undefined, 'this suite runs outside a Polyaxon service');
    ({ dir, remove: removeWorkspace } = await useTempWorkspaceRoot('plx-laptop-'));
  });
  after(() => removeWorkspace());

  it('Clone Repository creates nothing, says why, and offers the cluster VS Code', async () => {
    const { result, shown } = await executeWithRecordedPrompts('polyaxon.cloneRepository', {
      url: 'https://example.invalid/org/repo.git',
      name: 'alice',
      open: false,
    });
    assert.strictEqual(result, undefined);
    assert.strictEqual(shown.length, 1);
    const [warning] = shown;
    assert.strictEqual(warning.severity, 'warning');
    assert.match(warning.message, /^Clone Repository into Workspace runs inside a cluster VS Code service/);
    assert.match(warning.message, /nothing was done here/);
    assert.deepStrictEqual(warning.actions, ['Open a Cluster VS Code', 'Launch Cluster VSCode']);
    assert.deepStrictEqual(await fs.readdir(dir), [], `nothing created under ${dir}`);
  });

  it('Activate Cloud Service Account says it runs in the service, not that a variable is missing', async () => {
    const { result, shown } = await executeWithRecordedPrompts('polyaxon.activateServiceAccount');
    assert.strictEqual(result, undefined);
    assert.strictEqual(shown.length, 1);
    assert.match(shown[0].message, /^Activate Cloud Service Account runs inside a cluster VS Code service/);
    assert.doesNotMatch(shown[0].message, /GOOGLE_APPLICATION_CREDENTIALS/);
  });
});
