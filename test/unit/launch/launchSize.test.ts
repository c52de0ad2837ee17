// The service's size at launch, against the fake Polyaxon: a size other than the polyaxonfile's is sent as the
// operation's runPatch (and compiled into the run), the file's own size sends today's body, a size Kubernetes would
// refuse sends nothing, and a restart keeps what the run was given.
import * as assert from 'assert';
import * as fs from 'fs';
import type { FakePolyaxon } from '../../fake-polyaxon/server';
import { parsePolyaxonfile } from '../../../src/polyaxonfile/parse';
import { resourcesOf, runSize, sizeOf } from '../../../src/polyaxonfile/resources';
import { BUNDLED_VSCODE, createPosts, harness, startFakeWithProject } from './harness';

const PROJECT = 'size';
const PARAMS = { DOCKER_IMAGE: 'img:1' };
const BUNDLED_RESOURCES = resourcesOf(parsePolyaxonfile(fs.readFileSync(BUNDLED_VSCODE, 'utf8'), BUNDLED_VSCODE).data);

describe('LaunchManager: the size of the service', function () {
  this.timeout(20_000);
  let fake: FakePolyaxon;

  beforeEach(async () => (fake = await startFakeWithProject(PROJECT)));
  afterEach(() => fake.close());

  /** The operations POSTed to create runs, parsed. */
  const operations = () =>
    fake.requests
      .filter((r) => r.method === 'POST' && new RegExp(`^/api/v1/default/${PROJECT}/runs/?$`).test(r.path))
      .map((r) => JSON.parse((r.body as { content: string }).content) as Record<string, unknown>);
  const compiledResources = (uuid: string) => JSON.parse(fake.getRun(PROJECT, uuid)?.content ?? '{}').run.container.resources as unknown;

  it('sends 3 CPUs and 6Gi as a runPatch that raises the limits, and the run is compiled with them', async () => {
    const { manager, rec } = harness(fake, PROJECT, { wizard: () => ({ params: PARAMS, size: { cpu: '3', memory: '6Gi' } }) });
    const run = await manager.launch({ kind: 'vscode' }, {});
    assert.strictEqual(run?.status, 'running');
    assert.deepStrictEqual(rec.wizards[0].resources, {
      file: BUNDLED_RESOURCES,
      fileName: 'vscode-service.yml',
      recent: undefined,
      initial: undefined,
    });
    const [op] = operations();
    assert.strictEqual(createPosts(fake, PROJECT), 1);
    const resources = { requests: { memory: '6Gi', cpu: '3' }, limits: { memory: '6Gi', cpu: '3' } };
    assert.deepStrictEqual(op.runPatch, { container: { resources } });
    assert.deepStrictEqual(Object.keys(op), ['version', 'kind', 'params', 'runPatch', 'component']);
    assert.deepStrictEqual(compiledResources(run.uuid), { requests: { memory: '6Gi', cpu: 3 }, limits: { memory: '6Gi', cpu: 3 } });
    assert.deepStrictEqual(runSize(fake.getRun(PROJECT, run.uuid)?.content), { cpu: '3', memory: '6Gi' });
    // The next launch in this project offers it as the last choice.
    await manager.launch({ kind: 'vscode' }, {});
    assert.deepStrictEqual(rec.wizards[1].resources.recent, { cpu: '3', memory: '6Gi' });
  });

  it("sends exactly today's body when the polyaxonfile's own size is kept", async () => {
    const { manager: plain } = harness(fake, PROJECT, { wizard: () => ({ params: PARAMS, name: 'a' }) });
    await plain.launch({ kind: 'vscode' }, {});
    const { manager, rec } = harness(fake, PROJECT, { wizard: () => ({ params: PARAMS, name: 'a', size: sizeOf(BUNDLED_RESOURCES) }) });
    await manager.launch({ kind: 'vscode' }, { reuse: 'launch' });
    const [without, kept] = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/runs')).map((r) => r.body);
    assert.deepStrictEqual(kept, without);
    assert.ok(!('runPatch' in operations()[1]));
    assert.strictEqual(rec.sizes.size, 0, 'the file’s own size is not remembered as a choice');
  });

  it('sends nothing for a size Kubernetes would refuse, or GPUs the polyaxonfile does not ask for', async () => {
    const { manager } = harness(fake, PROJECT);
    await assert.rejects(manager.launch({ kind: 'vscode' }, { params: PARAMS, resources: { memory: '4 GB' } }), /Memory '4 GB'.*4Gi.*4G/);
    await assert.rejects(manager.launch({ kind: 'vscode' }, { params: PARAMS, resources: { cpu: '-1' } }), /CPU '-1'.*negative/);
    await assert.rejects(manager.launch({ kind: 'vscode' }, { params: PARAMS, resources: { gpu: '1' } }), /asks for no GPUs/);
    assert.strictEqual(createPosts(fake, PROJECT), 0);
  });

  it('keeps the size when the service is restarted', async () => {
    const { manager } = harness(fake, PROJECT, { confirm: () => true });
    const run = await manager.launch({ kind: 'vscode' }, { params: PARAMS, resources: { cpu: '3', memory: '6Gi' } });
    assert.ok(run);
    const copy = await manager.restart({ owner: 'default', project: PROJECT, uuid: run.uuid });
    assert.ok(copy);
    assert.deepStrictEqual(compiledResources(copy.uuid), compiledResources(run.uuid));
    assert.deepStrictEqual(runSize(fake.getRun(PROJECT, copy.uuid)?.content), { cpu: '3', memory: '6Gi' });
  });
});
