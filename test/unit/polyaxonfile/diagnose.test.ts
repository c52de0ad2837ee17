import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { diagnosePolyaxonfile, looksLikePolyaxonfile } from '../../../src/polyaxonfile/diagnose';
import { parsePolyaxonfile } from '../../../src/polyaxonfile/parse';
import { templateNames, undeclaredTemplateParams } from '../../../src/polyaxonfile/templateParams';

const REPO = path.resolve(__dirname, '../../../..');

const SERVICE = [
  'version: 1.1', // 1
  'kind: component', // 2
  'inputs:', // 3
  '  - {name: DOCKER_IMAGE, type: str}', // 4
  'run:', // 5
  '  kind: service', // 6
  '  ports: [8080]', // 7
  '  container:', // 8
  '    image: "{{ DOCKER_IMAGE }}"', // 9
  '    args: ["--dir", "{{ WORK_DIR }}"]', // 10
  '    workingDir: "{{ globals.run_outputs_path }}"', // 11
].join('\n');

describe('template params', () => {
  it('finds the variables of each {{ … }}, not attributes, filters, functions, words or quoted texts', () => {
    assert.deepStrictEqual(templateNames('{{ WORKING_DIR or globals.run_outputs_path }}'), ['WORKING_DIR', 'globals']);
    assert.deepStrictEqual(templateNames('a {{ A }} b {{B|default("C") }}'), ['A', 'B']);
    assert.deepStrictEqual(templateNames('{{ X if Y else "Z" }}{{ range(N) }}'), ['X', 'Y', 'N']);
    assert.deepStrictEqual(templateNames('no template: ${HOME} $(date)'), []);
  });

  it('flags a {{ PARAM }} of the run section that no input declares, at its value', () => {
    const pf = parsePolyaxonfile(SERVICE, 'svc.yml');
    const problems = undeclaredTemplateParams(pf);
    assert.strictEqual(problems.length, 1);
    const [p] = problems;
    assert.deepStrictEqual([p.line, p.field], [10, 'run.container.args[1]']);
    assert.strictEqual(p.message, '{{ WORK_DIR }} is used in run.container.args[1] but WORK_DIR is not declared in inputs');
  });

  it('finds nothing to flag in the bundled polyaxonfiles', () => {
    for (const name of ['vscode-service.yml', 'jupyter-service.yml']) {
      const file = path.join(REPO, 'polyaxonfiles', name);
      assert.deepStrictEqual(undeclaredTemplateParams(parsePolyaxonfile(fs.readFileSync(file, 'utf8'), file)), [], name);
    }
  });
});

describe('polyaxonfile diagnostics', () => {
  it('takes YAML files in a polyaxonfiles folder, or saying kind: component, for polyaxonfiles', () => {
    assert.strictEqual(looksLikePolyaxonfile('/r/ops/polyaxonfiles/a.yml', 'x: 1'), true);
    assert.strictEqual(looksLikePolyaxonfile('/r/any.yaml', 'version: 1.1\nkind: component\n'), true);
    assert.strictEqual(looksLikePolyaxonfile('/r/docker-compose.yml', 'services: {}\n'), false);
    assert.strictEqual(looksLikePolyaxonfile('/r/polyaxonfiles/notes.md', 'kind: component'), false);
  });

  it('gives each problem a 0-based range over the word it is about', () => {
    const text = SERVICE.replace('type: str}', 'type: strr}');
    const diagnoses = diagnosePolyaxonfile(text, 'svc.yml');
    assert.ok(diagnoses.length >= 2, JSON.stringify(diagnoses));
    const type = diagnoses.find((d) => d.field === 'inputs[0].type');
    assert.ok(type, 'the unknown type');
    assert.deepStrictEqual([type.startLine, type.endLine], [3, 3]);
    assert.strictEqual(text.split('\n')[3].slice(type.startColumn, type.endColumn), 'strr');
    const param = diagnoses.find((d) => d.field === 'run.container.args[1]');
    assert.ok(param, 'the undeclared param');
    assert.strictEqual(text.split('\n')[9].slice(param.startColumn, param.endColumn), '"{{ WORK_DIR }}"');
  });

  it('reports a YAML syntax error at its position, and leaves other run kinds alone', () => {
    const [syntax] = diagnosePolyaxonfile('version: 1.1\nkind: component\nrun: [\n', 'bad.yml');
    assert.ok(syntax);
    assert.match(syntax.message, /YAML syntax error/);
    const job = 'version: 1.1\nkind: component\nrun:\n  kind: job\n  container: {image: "{{ X }}"}\n';
    assert.deepStrictEqual(diagnosePolyaxonfile(job, 'job.yml'), []);
  });
});
