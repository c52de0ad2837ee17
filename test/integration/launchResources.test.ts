// The service's size at launch, in the real extension host against the fake Polyaxon: CPUs and memory given to the
// command are sent as the operation's runPatch and compiled into the run; the form's Resources step keeps the file's
// size on Enter, offers the last choice, survives Back, and launches nothing on Cancel.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { Run } from '../../src/polyaxon/types';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { REPO_ROOT, waitFor } from './helpers';
import { startLaunchFixture } from './launchFixture';

const PROJECT = 'resources-tests';
const PARAMS = { DOCKER_IMAGE: 'img:1', WORKING_DIR: '/polyaxon-v1-data' };
const SIZED = { requests: { memory: '6Gi', cpu: '3' }, limits: { memory: '6Gi', cpu: '3' } };

describe('launch: CPUs and memory', function () {
  this.timeout(60_000);
  let api: PolyaxonTestApi;
  let fake: FakePolyaxon;
  let stopFixture: () => Promise<void>;

  before(async () => ({ api, fake, stop: stopFixture } = await startLaunchFixture(PROJECT)));
  after(() => stopFixture());
  beforeEach(() => {
    fake.requests.length = 0;
    api.prompts.current = { confirm: async () => false, choose: async () => undefined };
  });

  /** The operations POSTed to create runs, parsed from their `content`. */
  const operations = () =>
    fake.requests
      .filter((r) => r.method === 'POST' && new RegExp(`/api/v1/default/${PROJECT}/runs/?$`).test(r.path))
      .map((r) => JSON.parse((r.body as { content: string }).content) as { runPatch?: unknown; component: unknown });
  const compiledResources = (run: Run | undefined) =>
    (JSON.parse(fake.getRun(PROJECT, run?.uuid ?? '')?.content ?? '{}') as { run?: { container?: { resources?: unknown } } }).run?.container
      ?.resources;

  /** Launches; the form (without params) starts with the image: a running service of this kind is not asked about. */
  async function launch(command: string, args: Record<string, unknown> = {}): Promise<Run | undefined> {
    return vscode.commands.executeCommand<Run | undefined>(command, { reuse: 'launch', ...args });
  }

  /** Waits for step `step` of the form, then does `gesture` there. */
  async function atStep(step: number, gesture: string): Promise<void> {
    await waitFor(() => api.wizardStep()?.step === step, `step ${step} of the form (now: ${JSON.stringify(api.wizardStep())})`);
    await vscode.commands.executeCommand(gesture);
  }
  const ACCEPT = 'workbench.action.acceptSelectedQuickOpenItem';
  const BACK = 'workbench.action.quickInputBack';
  const NEXT = 'workbench.action.quickOpenSelectNext';

  it('launches with 3 CPUs and 6Gi: one run, whose body carries the runPatch and whose compiled run has them', async () => {
    const run = await launch('polyaxon.launchVSCode', { params: PARAMS, resources: { cpu: '3', memory: '6Gi' } });
    assert.strictEqual(run?.status, 'running');
    const ops = operations();
    assert.strictEqual(ops.length, 1);
    assert.deepStrictEqual(ops[0].runPatch, { container: { resources: SIZED } });
    assert.deepStrictEqual(compiledResources(run), { requests: { memory: '6Gi', cpu: 3 }, limits: { memory: '6Gi', cpu: 3 } });
  });

  it("keeps the polyaxonfile's size on Enter, and then sends no runPatch", async () => {
    const launching = launch('polyaxon.launchVSCode');
    for (const step of [1, 2, 3, 4, 5]) await atStep(step, ACCEPT);
    const run = await launching;
    assert.ok(run);
    assert.strictEqual(operations().length, 1);
    assert.ok(!('runPatch' in operations()[0]));
  });

  it('goes Back across the Resources step and keeps the size chosen there', async () => {
    const launching = launch('polyaxon.launchVSCode');
    await atStep(1, ACCEPT); // the recent image
    await atStep(2, BACK); // Resources → the image again
    await atStep(1, ACCEPT);
    // Resources: the file's size first, then the last choice (3 CPUs, 6 GiB from the first test).
    await atStep(2, NEXT);
    await vscode.commands.executeCommand(ACCEPT);
    await atStep(3, ACCEPT); // working directory
    await atStep(4, BACK); // run name → working directory
    await atStep(3, BACK); // → Resources, on the size chosen
    await atStep(2, ACCEPT);
    for (const step of [3, 4, 5]) await atStep(step, ACCEPT);
    assert.ok(await launching);
    assert.deepStrictEqual(
      operations().map((op) => op.runPatch),
      [{ container: { resources: SIZED } }],
    );
  });

  it('launches nothing when the form is cancelled at the Resources step', async () => {
    const launching = launch('polyaxon.launchVSCode');
    await atStep(1, ACCEPT);
    await atStep(2, 'workbench.action.closeQuickOpen');
    assert.strictEqual(await launching, undefined);
    assert.strictEqual(operations().length, 0);
    assert.strictEqual(api.wizardStep(), undefined);
  });

  it('gives a polyaxonfile without resources requests and limits only when they are set', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? REPO_ROOT;
    const file = path.join(folder, 'unsized-service.yml');
    const yaml = 'version: 1.1\nkind: component\nname: unsized\nrun:\n  kind: service\n  ports: [8080]\n  container: {image: "img:1"}\n';
    fs.writeFileSync(file, yaml);
    try {
      const plain = await launch('polyaxon.launchFromPolyaxonfile', { polyaxonfile: file, params: {} });
      const sized = await launch('polyaxon.launchFromPolyaxonfile', { polyaxonfile: file, params: {}, resources: { memory: '8Gi' } });
      const [first, second] = operations();
      assert.ok(!('runPatch' in first));
      assert.strictEqual(compiledResources(plain), undefined);
      const resources = { requests: { memory: '8Gi' }, limits: { memory: '8Gi' } };
      assert.deepStrictEqual(second.runPatch, { container: { resources } });
      assert.deepStrictEqual(compiledResources(sized), resources);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
