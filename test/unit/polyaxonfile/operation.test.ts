import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildCreateBody, buildOperation } from '../../../src/polyaxonfile/operation';
import { PolyaxonfileError } from '../../../src/polyaxonfile/problems';
import { resize, resourcesOf, resourcesPatch } from '../../../src/polyaxonfile/resources';
import { readPolyaxonfile, REPO, SHARED } from './helpers';
import { requireShared } from '../sharedFacts';

const AISG = 'aisg-ml-project-cookiecutter-onprem-poly';
const WORKING_DIR = '/polyaxon-v1-data';
// fixtures/README.md: `polyaxon run -f <aisg file> -P DOCKER_IMAGE=... -P WORKING_DIR=/polyaxon-v1-data`.
const IMAGES = {
  vscode: 'registry.aisingapore.net/aiap/vscode-server:0.1.0',
  jupyter: 'registry.aisingapore.net/aiap/jupyter-server:0.1.0',
};

describe('polyaxonfile/operation', () => {
  for (const kind of ['vscode', 'jupyter'] as const) {
    describe(`the AISG ${kind}-service.yml`, () => {
      const fixture = `fixtures/create-run-request.${kind}.json`;
      const params = { DOCKER_IMAGE: IMAGES[kind], WORKING_DIR };

      it('gives the body the Polyaxon 1.11.3 CLI sends', function () {
        requireShared(this, `${AISG}/${kind}-service.yml`, fixture);
        const expected = JSON.parse(fs.readFileSync(path.join(SHARED, fixture), 'utf8'));
        assert.strictEqual(JSON.parse(expected.content).params.DOCKER_IMAGE.value, IMAGES[kind], 'fixture params changed');
        const body = buildCreateBody(readPolyaxonfile(path.join(SHARED, AISG, `${kind}-service.yml`)), params, { v2: false });

        assert.deepStrictEqual(JSON.parse(body.content), JSON.parse(expected.content));
        assert.deepStrictEqual({ ...body, content: JSON.parse(body.content) }, { ...expected, content: JSON.parse(expected.content) });
        // Same keys in the same order: only ujson's `\/` escaping differs.
        assert.strictEqual(body.content, expected.content.replace(/\\\//g, '/'));
      });

      it('gives managed_by: agent and no is_managed for Polyaxon v2', function () {
        requireShared(this, `${AISG}/${kind}-service.yml`, fixture);
        const pf = readPolyaxonfile(path.join(SHARED, AISG, `${kind}-service.yml`));
        const v1 = buildCreateBody(pf, params, { v2: false });
        assert.deepStrictEqual(buildCreateBody(pf, params, { v2: true }), { content: v1.content, managed_by: 'agent' });
      });
    });
  }

  it('gives for Polyaxon v2 the body a real v2.5.2 server accepted, compiled and scheduled (managed_by: agent)', function () {
    const recording = 'recorded-v2/run-create.vscode.managed-by-only.json';
    requireShared(this, `${AISG}/vscode-service.yml`, recording);
    const { request, response } = JSON.parse(fs.readFileSync(path.join(SHARED, recording), 'utf8'));
    const pf = readPolyaxonfile(path.join(SHARED, AISG, 'vscode-service.yml'));
    const body = buildCreateBody(pf, { DOCKER_IMAGE: IMAGES.vscode, WORKING_DIR }, { v2: true });
    assert.deepStrictEqual({ ...body, content: JSON.parse(body.content) }, { ...request.body, content: JSON.parse(request.body.content) });
    assert.deepStrictEqual([response.status, response.body.managed_by, response.body.is_managed], [201, 'agent', true]);
  });

  it('builds the bundled vscode-service.yml with the container named polyaxon-main and only the params given', () => {
    const pf = readPolyaxonfile(path.join(REPO, 'polyaxonfiles/vscode-service.yml'));
    const op = JSON.parse(buildCreateBody(pf, { WORKING_DIR }, { v2: false }).content);
    assert.deepStrictEqual(Object.keys(op), ['version', 'kind', 'params', 'component']);
    assert.deepStrictEqual(op.params, { WORKING_DIR: { value: WORKING_DIR } });
    assert.strictEqual(op.version, 1.1);
    assert.strictEqual(op.kind, 'operation');
    const { component } = op;
    assert.deepStrictEqual(Object.keys(component), ['version', 'kind', 'name', 'description', 'tags', 'inputs', 'run']);
    assert.deepStrictEqual([component.name, component.tags], ['vscode-service', ['vscode']]);
    assert.deepStrictEqual(Object.keys(component.run), ['kind', 'connections', 'container', 'ports', 'rewritePath']);
    assert.deepStrictEqual([component.run.connections, component.run.ports, component.run.rewritePath], [['fstore-pvc'], [8080], true]);
    const container = component.run.container;
    assert.deepStrictEqual(Object.keys(container), ['args', 'command', 'image', 'imagePullPolicy', 'name', 'resources', 'workingDir']);
    assert.strictEqual(container.name, 'polyaxon-main');
    assert.strictEqual(container.image, '{{ DOCKER_IMAGE }}');
    assert.strictEqual(container.workingDir, '{{ WORKING_DIR or globals.run_outputs_path }}');
    assert.match(container.args[0], /"git\.terminalAuthentication"\] = false/);
    assert.match(container.args[0], /--bind-addr 0\.0\.0\.0:8080 --auth none --disable-telemetry/);
    assert.deepStrictEqual(
      component.inputs.map((i: { name: string }) => i.name),
      ['DOCKER_IMAGE', 'WORKING_DIR'],
    );
  });

  it('puts a runPatch where V1Operation.to_dict() writes it: after the params, before the component', () => {
    const pf = readPolyaxonfile(path.join(REPO, 'polyaxonfiles/vscode-service.yml'));
    const resized = resize(resourcesOf(pf.data), { cpu: '3', memory: '6Gi' });
    assert.ok(resized);
    const body = buildCreateBody(pf, { WORKING_DIR }, { v2: false, runPatch: resourcesPatch(resized) });
    const op = JSON.parse(body.content);
    assert.deepStrictEqual(Object.keys(op), ['version', 'kind', 'params', 'runPatch', 'component']);
    assert.deepStrictEqual(op.runPatch, {
      container: { resources: { requests: { memory: '6Gi', cpu: '3' }, limits: { memory: '6Gi', cpu: '3' } } },
    });
    const without = JSON.parse(buildCreateBody(pf, { WORKING_DIR }, { v2: false }).content);
    assert.deepStrictEqual(op.component, without.component, "the component is the file's, unchanged");
    assert.ok(!('runPatch' in without));
  });

  it('builds the bundled jupyter-service.yml framed-friendly and under globals.base_url', () => {
    const pf = readPolyaxonfile(path.join(REPO, 'polyaxonfiles/jupyter-service.yml'));
    const body = buildCreateBody(pf, {}, { v2: true });
    assert.deepStrictEqual(Object.keys(body), ['content', 'managed_by']);
    const op = JSON.parse(body.content);
    assert.ok(!('params' in op), 'no params were given');
    const { component } = op;
    assert.deepStrictEqual(
      [component.name, component.tags, component.run.ports],
      ['jupyterlab-notebook', ['jupyter', 'notebook', 'lab'], [8888]],
    );
    assert.ok(!('rewritePath' in component.run));
    const args: string[] = component.run.container.args;
    for (const app of ['ServerApp', 'NotebookApp']) {
      assert.ok(args.includes(`--${app}.base_url={{globals.base_url}}`), `${app}.base_url`);
      assert.ok(args.length > 0);
      assert.ok(
        args.some((a) => a.startsWith(`--${app}.tornado_settings=`) && a.includes('frame-ancestors')),
        `${app}.tornado_settings`,
      );
    }
    assert.deepStrictEqual(component.run.container.command, ['jupyter', 'lab']);
  });

  it('keeps the AISG input names and types in the bundled files', () => {
    for (const kind of ['vscode', 'jupyter']) {
      const pf = readPolyaxonfile(path.join(REPO, `polyaxonfiles/${kind}-service.yml`));
      assert.deepStrictEqual(
        pf.inputs.map((i) => [i.name, i.type, i.isOptional, Boolean(i.description)]),
        [
          ['DOCKER_IMAGE', 'str', true, true],
          ['WORKING_DIR', 'str', true, true],
        ],
      );
    }
  });

  it('drops null fields and camelCases snake_case container keys like the CLI', () => {
    const pf = readPolyaxonfile(path.join(REPO, 'test/fixtures/polyaxonfiles/typed-inputs.yml'));
    const data = pf.data as { description?: null; run: { container: Record<string, unknown> } };
    data.description = null;
    data.run.container.working_dir = '/x';
    data.run.container.tty = null;
    const { component } = buildOperation(pf, { EPOCHS: '3' });
    assert.ok(!('description' in component));
    const container = (component.run as { container: Record<string, unknown> }).container;
    assert.deepStrictEqual(Object.keys(container), ['command', 'image', 'name', 'workingDir']);
  });

  it('refuses to build a body with bad params', () => {
    const pf = readPolyaxonfile(path.join(REPO, 'test/fixtures/polyaxonfiles/typed-inputs.yml'));
    assert.throws(
      () => buildCreateBody(pf, { EPOCHS: 'ten' }, { v2: false }),
      (e: unknown) => e instanceof PolyaxonfileError && e.problems.length === 1 && e.problems[0].field === 'params.EPOCHS',
    );
  });
});
