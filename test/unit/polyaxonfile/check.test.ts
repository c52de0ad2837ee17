import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkPolyaxonfile, loadServicePolyaxonfile } from '../../../src/polyaxonfile/check';
import { parsePolyaxonfile } from '../../../src/polyaxonfile/parse';
import { formatProblem, PolyaxonfileError, Problem } from '../../../src/polyaxonfile/problems';
import { FIXTURES, readPolyaxonfile, REPO, SHARED } from './helpers';
import { requireShared } from '../sharedFacts';

/** `[field, line, column]` of each problem, to compare with the expected list. */
const where = (problems: Problem[]) => problems.map((p) => [p.field, p.line, p.column]);
const check = (text: string) => checkPolyaxonfile(parsePolyaxonfile(text, 'inline.yml'));
const SERVICE = 'run:\n  kind: service\n  ports: [8080]\n  container:\n    image: foo\n';

describe('polyaxonfile/check', () => {
  it('accepts the bundled polyaxonfiles', () => {
    for (const kind of ['vscode', 'jupyter']) {
      assert.deepStrictEqual(checkPolyaxonfile(readPolyaxonfile(path.join(REPO, `polyaxonfiles/${kind}-service.yml`))), []);
    }
  });

  it('accepts the AISG and Polyaxon hub service polyaxonfiles', function () {
    const files = [
      'aisg-ml-project-cookiecutter-onprem-poly/vscode-service.yml',
      'aisg-ml-project-cookiecutter-onprem-poly/jupyter-service.yml',
      'aisg-ml-project-cookiecutter-onprem-poly/streamlit-service.yml',
      'aisg-ml-project-cookiecutter-gcp/vscode-service.yml',
      'aisg-ml-project-cookiecutter-gcp/jupyter-service.yml',
      'polyaxon-hub-v1.11.3/vscode_latest.yaml',
      'polyaxon-hub-v1.11.3/jupyter-lab_latest.yaml',
    ];
    requireShared(this, ...files);
    for (const file of files) assert.deepStrictEqual(checkPolyaxonfile(readPolyaxonfile(path.join(SHARED, file))), [], file);
  });

  it('reports every problem of broken-structure.yml where it is', () => {
    const file = path.join(FIXTURES, 'broken-structure.yml');
    const problems = checkPolyaxonfile(readPolyaxonfile(file));
    assert.ok(problems.length > 0);
    assert.ok(problems.every((p) => p.file === file && p.message && p.hint));
    assert.deepStrictEqual(where(problems), [
      ['version', 1, 10],
      ['inputz', 5, 1],
      ['name', 3, 7],
      ['tags', 4, 7],
      ['inputs[0].type', 8, 11],
      ['inputs[0].value', 9, 12],
      ['inputs[1].name', 10, 11],
      ['inputs[2].name', 12, 11],
      ['inputs[2].isOptional', 13, 17],
      ['inputs[3].value', 18, 12],
      ['inputs[4].value', 22, 12],
      ['inputs[5].default', 27, 5],
      ['inputs[5].isFlag', 26, 13],
      ['inputs[6].name', 28, 5],
      ['run.port', 31, 3],
      ['run.ports', 30, 3],
      ['run.rewritePath', 32, 16],
      ['run.container.workdir', 35, 5],
    ]);
    const text = (field: string) => formatProblem(problems.find((p) => p.field === field)!);
    assert.strictEqual(text('inputs[0].type'), `${file}:8:11: Unknown type 'strng' for 'A' — did you mean 'str'?`);
    assert.match(text('inputz'), /did you mean 'inputs'\?$/);
    assert.match(text('inputs[0].value'), /is not optional and has default value 'x' — add 'isOptional: true'/);
    assert.match(text('inputs[3].value'), /default 'ten' of 'N' is not a whole number/);
    assert.match(text('inputs[4].value'), /not one of its options — use one of a, b, c$/);
    assert.match(text('inputs[5].default'), /Polyaxon calls it 'value'$/);
    assert.match(text('run.port'), /did you mean 'ports'\?$/);
    assert.match(text('run.container.workdir'), /did you mean 'workingDir'\?$/);
  });

  it('requires version, kind and run, reported at the top', () => {
    assert.deepStrictEqual(where(check('name: x\n')), [
      ['version', 1, 1],
      ['kind', 1, 1],
      ['run', 1, 1],
    ]);
  });

  it('requires version 1.1 as a number', () => {
    const problems = check(`version: "1.1"\nkind: component\n${SERVICE}`);
    assert.deepStrictEqual(where(problems), [['version', 1, 10]]);
    assert.match(problems[0].message, /must be a number/);
  });

  it('requires kind: component', () => {
    const problems = check(`version: 1.1\nkind: operation\n${SERVICE}`);
    assert.deepStrictEqual(where(problems), [['kind', 2, 7]]);
    assert.match(problems[0].hint, /kind: component/);
  });

  it('requires a mapping', () => {
    assert.deepStrictEqual(where(check('- a\n- b\n')), [['', 1, 1]]);
  });

  it('requires run to be a mapping with kind: service', () => {
    assert.deepStrictEqual(where(check('version: 1.1\nkind: component\nrun: service\n')), [['run', 3, 6]]);
    assert.deepStrictEqual(where(check('version: 1.1\nkind: component\nrun:\n  ports: [80]\n')), [['run.kind', 4, 3]]);
    const job = check('version: 1.1\nkind: component\nrun:\n  kind: job\n  container: {image: foo}\n');
    assert.deepStrictEqual(where(job), [['run.kind', 4, 9]]);
    assert.match(job[0].message, /run\.kind is 'job'; only services/);
  });

  it('requires non-empty ports between 1 and 65535', () => {
    for (const ports of ['[]', '[0]', '[8080, "x"]', '8080']) {
      const problems = check(`version: 1.1\nkind: component\nrun:\n  kind: service\n  ports: ${ports}\n  container: {image: foo}\n`);
      assert.deepStrictEqual(where(problems), [['run.ports', 5, 10]], ports);
    }
  });

  it('requires a container with an image', () => {
    assert.deepStrictEqual(where(check('version: 1.1\nkind: component\nrun:\n  kind: service\n  ports: [80]\n')), [
      ['run.container', 4, 3],
    ]);
    assert.deepStrictEqual(
      where(check('version: 1.1\nkind: component\nrun:\n  kind: service\n  ports: [80]\n  container:\n    args: [a]\n')),
      [['run.container.image', 7, 5]],
    );
  });

  it('checks connections, description, inputs and their entries', () => {
    const text =
      'version: 1.1\nkind: component\ndescription: [a]\noutputs: x\ninputs:\n  - just-a-name\n' +
      'run:\n  kind: service\n  ports: [80]\n  connections: fstore-pvc\n  container: {image: foo}\n';
    assert.deepStrictEqual(where(check(text)), [
      ['description', 3, 14],
      ['inputs[0]', 6, 5],
      ['outputs', 4, 10],
      ['run.connections', 10, 16],
    ]);
  });

  it('checks defaults against their type and a list type element-wise', () => {
    const io = (lines: string) => `version: 1.1\nkind: component\ninputs:\n  - name: X\n    isOptional: true\n${lines}${SERVICE}`;
    assert.deepStrictEqual(check(io('    type: int\n    value: 3\n')), []);
    assert.deepStrictEqual(check(io('    type: int\n    isList: true\n    value: [1, 2]\n')), []);
    assert.deepStrictEqual(where(check(io('    type: int\n    isList: true\n    value: [1, b]\n'))), [['inputs[0].value', 8, 12]]);
    assert.deepStrictEqual(where(check(io('    type: bool\n    value: 1\n'))), [['inputs[0].value', 7, 12]]);
    assert.deepStrictEqual(check(io('    type: str\n    value: 5\n    options: ["5", "6"]\n')), [], 'parse_string makes 5 the text "5"');
  });

  it('reads YAML 1.1 like PyYAML: yes is true, y is a text', () => {
    const pf = parsePolyaxonfile(
      `version: 1.1\nkind: component\ninputs:\n  - name: y\n    isOptional: yes\n    type: str\n${SERVICE}`,
      'x.yml',
    );
    assert.deepStrictEqual([pf.inputs[0].name, pf.inputs[0].isOptional], ['y', true]);
    assert.deepStrictEqual(checkPolyaxonfile(pf), []);
  });

  it('reports a YAML syntax error at its position', () => {
    const file = path.join(FIXTURES, 'syntax-error.yml');
    assert.throws(
      () => readPolyaxonfile(file),
      (e: unknown) => {
        assert.ok(e instanceof PolyaxonfileError);
        assert.deepStrictEqual(where(e.problems), [['', 6, 3]]);
        assert.strictEqual(e.problems[0].file, file);
        assert.match(e.problems[0].message, /^YAML syntax error: Flow sequence .* must .* end with a \]/);
        assert.match(e.message, new RegExp(`^${file.replace(/[.]/g, '\\.')}:6:3: YAML syntax error`));
        return true;
      },
    );
  });

  it('loadServicePolyaxonfile throws every problem at once and returns a good file', () => {
    assert.throws(
      () => loadServicePolyaxonfile('name: x\n', 'x.yml'),
      (e: unknown) => e instanceof PolyaxonfileError && e.problems.length === 3,
    );
    const text = fs.readFileSync(path.join(REPO, 'polyaxonfiles/jupyter-service.yml'), 'utf8');
    const pf = loadServicePolyaxonfile(text, 'jupyter-service.yml');
    assert.deepStrictEqual(
      [pf.name, pf.runKind, pf.ports, pf.rewritePath, pf.image],
      ['jupyterlab-notebook', 'service', [8888], false, '{{ DOCKER_IMAGE }}'],
    );
  });
});
