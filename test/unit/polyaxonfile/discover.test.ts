import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findServicePolyaxonfiles, serviceKindOf } from '../../../src/polyaxonfile/discover';
import { launchInputs } from '../../../src/polyaxonfile/launch';
import { parsePolyaxonfile } from '../../../src/polyaxonfile/parse';
import { FIXTURES, readPolyaxonfile, REPO } from './helpers';

describe('polyaxonfile/discover', () => {
  let root: string;
  before(() => {
    // A copy of the fixture workspace plus the folders that must be skipped (git ignores node_modules).
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'polyaxonfiles-'));
    fs.cpSync(path.join(FIXTURES, 'workspace'), root, { recursive: true });
    const service = fs.readFileSync(path.join(root, 'apps/polyaxonfiles/a-streamlit.yaml'));
    for (const hidden of ['node_modules/pkg/polyaxonfiles', '.git/polyaxonfiles']) {
      fs.mkdirSync(path.join(root, hidden), { recursive: true });
      fs.writeFileSync(path.join(root, hidden, 'hidden.yml'), service);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds services under polyaxonfiles/ folders, the AISG VS Code and Jupyter files first', () => {
    const found = findServicePolyaxonfiles(root);
    assert.deepStrictEqual(
      found.map((f) => [f.relativePath, f.kind]),
      [
        ['aisg-context/polyaxon/polyaxonfiles/vscode-service.yml', 'vscode'],
        ['aisg-context/polyaxon/polyaxonfiles/jupyter-service.yml', 'jupyter'],
        ['apps/polyaxonfiles/a-streamlit.yaml', 'other'],
      ],
    );
    assert.strictEqual(found[0].file, path.join(root, 'aisg-context/polyaxon/polyaxonfiles/vscode-service.yml'));
    assert.strictEqual(found[0].polyaxonfile.name, 'vscode-service');
  });

  it('goes deeper when asked', () => {
    const found = findServicePolyaxonfiles(root, { maxDepth: 10 }).map((f) => f.relativePath);
    assert.ok(found.includes('deep/a/b/c/d/e/f/polyaxonfiles/too-deep.yml'));
    assert.ok(!findServicePolyaxonfiles(root, { maxDepth: 1 }).length);
  });

  it('returns nothing for a folder that does not exist', () => {
    assert.deepStrictEqual(findServicePolyaxonfiles(path.join(root, 'missing')), []);
  });

  it('tells VS Code from Jupyter by tags, name or image', () => {
    const kindOf = (text: string) =>
      serviceKindOf(parsePolyaxonfile(`version: 1.1\nkind: component\n${text}run:\n  kind: service\n  ports: [80]\n`, 'x.yml'));
    assert.strictEqual(kindOf('tags: [vscode]\n'), 'vscode');
    assert.strictEqual(kindOf('tags: [notebook]\n'), 'jupyter');
    assert.strictEqual(kindOf('name: my-jupyter\n'), 'jupyter');
    assert.strictEqual(
      kindOf('name: ide\ninputs:\n  - {name: IMG, type: str, isOptional: true, value: "codercom/code-server:4"}\n'),
      'other',
      'an input default alone is not the image',
    );
    assert.strictEqual(
      serviceKindOf(
        parsePolyaxonfile(
          'name: ide\ninputs:\n  - {name: IMG, isOptional: true, value: "codercom/code-server:4"}\nrun:\n  container:\n    image: "{{ IMG }}"\n',
          'x',
        ),
      ),
      'vscode',
    );
    assert.strictEqual(kindOf('name: streamlit\n'), 'other');
    assert.strictEqual(serviceKindOf(readPolyaxonfile(path.join(REPO, 'polyaxonfiles/jupyter-service.yml'))), 'jupyter');
  });

  it('lists the inputs to ask for, with their defaults as text', () => {
    const pf = readPolyaxonfile(path.join(FIXTURES, 'typed-inputs.yml'));
    const inputs = launchInputs(pf);
    assert.strictEqual(inputs.length, 11);
    assert.deepStrictEqual(inputs[0], {
      name: 'EPOCHS',
      description: undefined,
      type: 'int',
      default: undefined,
      required: true,
      options: undefined,
      isList: false,
      isImage: false,
    });
    assert.deepStrictEqual(inputs.find((i) => i.name === 'RATE')?.default, '0.1');
    assert.deepStrictEqual(inputs.find((i) => i.name === 'BATCH')?.options, ['16', '32', '64']);
    assert.deepStrictEqual(inputs.find((i) => i.name === 'SIZE')?.required, false);
    const vscode = launchInputs(readPolyaxonfile(path.join(REPO, 'polyaxonfiles/vscode-service.yml')));
    assert.deepStrictEqual(
      vscode.map((i) => [i.name, i.default, i.required]),
      [
        ['DOCKER_IMAGE', 'codercom/code-server:4.23.1', false],
        ['WORKING_DIR', undefined, false],
      ],
    );
    assert.deepStrictEqual(
      vscode.filter((i) => i.isImage).map((i) => i.name),
      ['DOCKER_IMAGE'],
      'the input the container image is templated from',
    );
    assert.ok(vscode.length > 0);
    assert.ok(vscode.every((i) => i.description));
  });
});
