import * as assert from 'assert';
import { projectInForce, projectSourceText } from '../../../src/connection/projectInForce';

describe('the project in force', () => {
  it("is Select Project's choice in this workspace over the polyaxon.project setting, and says so", () => {
    const inForce = projectInForce('vscode-alice', 'team-default');
    assert.deepStrictEqual(inForce, { project: 'vscode-alice', source: 'workspace' });
    assert.strictEqual(projectSourceText(inForce.source), "from this workspace's choice (Select Project)");
  });

  it('is the setting when nothing was picked (or the pick is blank), and says so', () => {
    for (const chosen of [undefined, '  ']) {
      const inForce = projectInForce(chosen, ' team-default ');
      assert.deepStrictEqual(inForce, { project: 'team-default', source: 'setting' });
      assert.strictEqual(projectSourceText(inForce.source), 'from the setting polyaxon.project');
    }
  });

  it('is none when neither is set', () => {
    assert.strictEqual(projectInForce(undefined, ''), undefined);
  });
});
