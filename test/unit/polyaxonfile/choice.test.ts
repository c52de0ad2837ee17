import * as assert from 'assert';
import * as path from 'path';
import { choosePolyaxonfile, conventionalPath, type ChoiceFiles, type ChoiceInputs } from '../../../src/polyaxonfile/choice';

const root = path.join(path.sep, 'ws', 'repo');
const bundledDir = path.join(path.sep, 'ext', 'polyaxonfiles');

function files(existing: string[], services: Array<{ path: string; kind: string }> = []): ChoiceFiles {
  return {
    exists: async (f) => existing.includes(f),
    findServiceFiles: async (r) => services.filter((s) => s.path.startsWith(r)),
  };
}

function inputs(extra: Partial<ChoiceInputs> = {}): ChoiceInputs {
  return { kind: 'vscode', workspaceRoots: [root], trusted: true, bundledDir, ...extra };
}

describe('choosePolyaxonfile', () => {
  const aisg = conventionalPath(root, 'vscode');
  const custom = path.join(root, 'ops', 'polyaxonfiles', 'my-code.yml');

  it('takes the argument first, relative to the workspace', async () => {
    const arg = path.join(root, 'a.yml');
    const choice = await choosePolyaxonfile(inputs({ explicit: 'a.yml', setting: aisg }), files([arg, aisg]));
    assert.deepStrictEqual(choice, { path: arg, source: 'argument' });
  });

  it('then the setting', async () => {
    const choice = await choosePolyaxonfile(inputs({ setting: custom }), files([custom, aisg]));
    assert.deepStrictEqual(choice, { path: custom, source: 'setting' });
  });

  it('refuses a configured file that does not exist instead of silently using another', async () => {
    await assert.rejects(
      choosePolyaxonfile(inputs({ setting: '/nope.yml' }), files([aisg])),
      /\/nope\.yml .*polyaxon\.polyaxonfiles\.vscode.*does not exist/,
    );
  });

  it('then the AISG file in the workspace', async () => {
    assert.strictEqual(path.relative(root, aisg), path.join('aisg-context', 'polyaxon', 'polyaxonfiles', 'vscode-service.yml'));
    const choice = await choosePolyaxonfile(inputs(), files([aisg], [{ path: custom, kind: 'vscode' }]));
    assert.deepStrictEqual(choice, { path: aisg, source: 'workspace', candidates: [aisg, custom] }, 'first, with the other to pick from');
    const alone = await choosePolyaxonfile(inputs(), files([aisg], [{ path: aisg, kind: 'vscode' }]));
    assert.deepStrictEqual(alone, { path: aisg, source: 'workspace', candidates: [aisg] }, 'found twice, listed once');
  });

  it('then a service polyaxonfile of the same kind under a polyaxonfiles/ folder', async () => {
    const services = [
      { path: path.join(root, 'ops', 'polyaxonfiles', 'lab.yml'), kind: 'jupyter' },
      { path: path.join(root, 'elsewhere', 'code.yml'), kind: 'vscode' },
      custom,
    ].map((s) => (typeof s === 'string' ? { path: s, kind: 'vscode' } : s));
    const choice = await choosePolyaxonfile(inputs(), files([], services));
    assert.deepStrictEqual(choice, { path: custom, source: 'workspace', candidates: [custom] });
  });

  it('lists every service polyaxonfile of the kind, so that two mean a choice', async () => {
    const second = path.join(root, 'ops', 'polyaxonfiles', 'a-code.yml');
    const choice = await choosePolyaxonfile(
      inputs(),
      files(
        [],
        [
          { path: custom, kind: 'vscode' },
          { path: second, kind: 'vscode' },
        ],
      ),
    );
    assert.deepStrictEqual(choice, { path: second, source: 'workspace', candidates: [second, custom] });
  });

  it('ignores workspace files when the workspace is not trusted', async () => {
    const choice = await choosePolyaxonfile(inputs({ trusted: false }), files([aisg], [{ path: custom, kind: 'vscode' }]));
    assert.deepStrictEqual(choice, { path: path.join(bundledDir, 'vscode-service.yml'), source: 'bundled' });
  });

  it("never resolves a relative path from the user's settings into an untrusted workspace", async () => {
    const inWorkspace = path.join(root, 'evil', 'vscode-service.yml');
    for (const extra of [{ setting: 'evil/vscode-service.yml' }, { explicit: 'evil/vscode-service.yml' }]) {
      await assert.rejects(
        choosePolyaxonfile(inputs({ trusted: false, ...extra }), files([inWorkspace])),
        /"evil\/vscode-service\.yml" .* is relative to the workspace, whose files are not used while it is not trusted\. Use an absolute path/,
      );
    }
    const absolute = path.join(path.sep, 'home', 'alice', 'code.yml');
    assert.deepStrictEqual(await choosePolyaxonfile(inputs({ trusted: false, setting: absolute }), files([absolute])), {
      path: absolute,
      source: 'setting',
    });
  });

  it('falls back to the bundled file of the kind', async () => {
    const choice = await choosePolyaxonfile(inputs({ kind: 'jupyter', workspaceRoots: [] }), files([]));
    assert.deepStrictEqual(choice, { path: path.join(bundledDir, 'jupyter-service.yml'), source: 'bundled' });
  });
});
