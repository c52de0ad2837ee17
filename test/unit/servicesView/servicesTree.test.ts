// The tree fires only for the rows that changed, keeps each row's node, and shows the failure reason in the row.
import '../vscodeStub';
import * as assert from 'assert';
import type { Run } from '../../../src/polyaxon/types';
import type { ServicesSnapshot } from '../../../src/runs/servicesSnapshot';
import {
  ServicesTreeProvider,
  ServiceNode,
  type CompiledDetails,
  type ServicesTreeNode,
} from '../../../src/servicesView/vscode/servicesTree';

const project = { owner: 'default', project: 'p' };

function snapshot(runs: Run[]): ServicesSnapshot {
  // Fresh objects each time, as every poll brings.
  return { host: 'http://h', projects: [{ ref: { ...project }, runs: runs.map((r) => ({ ...r })) }], fetchedAt: 0 };
}

function setup(reasons: Record<string, string> = {}, details: Record<string, CompiledDetails> = {}) {
  const tree = new ServicesTreeProvider(
    undefined,
    async () => undefined,
    (ref) => reasons[ref.uuid],
    async (ref) => details[ref.uuid] ?? {},
  );
  const events: (ServicesTreeNode | ServicesTreeNode[] | undefined)[] = [];
  tree.onDidChangeTreeData((e) => events.push(e));
  const rows = () => tree.getChildren(tree.getChildren()[0]).filter((n): n is ServiceNode => n instanceof ServiceNode);
  return { tree, events, rows };
}

const starting: Run = { uuid: 'a', name: 'vscode-a', status: 'starting', created_at: new Date().toISOString() };
const running: Run = { uuid: 'b', name: 'vscode-b', status: 'running', started_at: new Date().toISOString() };

describe('ServicesTreeProvider updates', () => {
  it('fires nothing for a poll that changed nothing, even for a transitional row', () => {
    const { tree, events } = setup();
    tree.update(snapshot([starting, running]));
    assert.strictEqual(events.length, 1, 'the first list draws the tree');
    for (let i = 0; i < 5; i++) tree.update(snapshot([starting, running]));
    assert.strictEqual(events.length, 1, 'no change event for unchanged polls');
  });

  it('fires for the changed row only, with the same node as before', () => {
    const { tree, events, rows } = setup();
    tree.update(snapshot([starting, running]));
    const [rowA, rowB] = rows();
    tree.update(snapshot([{ ...starting, status: 'running', started_at: new Date().toISOString() }, running]));
    assert.strictEqual(events.length, 2);
    const fired = events[1];
    assert.ok(Array.isArray(fired));
    assert.strictEqual(fired.length, 1);
    assert.strictEqual(fired[0], rowA, 'the same element, so VS Code keeps its state');
    assert.strictEqual(rowA.run.status, 'running');
    assert.strictEqual(rows()[1], rowB);
  });

  it('redraws from the root when rows come or go', () => {
    const { tree, events } = setup();
    tree.update(snapshot([starting]));
    tree.update(snapshot([starting, running]));
    assert.deepStrictEqual(events, [undefined, undefined]);
  });

  it('shows the reason of a failure in the row', () => {
    const { tree, rows } = setup({ a: 'ImagePullBackOff' });
    tree.update(snapshot([{ ...starting, status: 'failed', finished_at: new Date().toISOString() }]));
    const item = tree.getTreeItem(rows()[0]);
    assert.match(String(item.description), /^Failed · ImagePullBackOff · /);
  });

  it('fires for a row whose reason arrived later', () => {
    const reasons: Record<string, string> = {};
    const { tree, events, rows } = setup(reasons);
    const failed = { ...starting, status: 'failed' as const, finished_at: new Date().toISOString() };
    tree.update(snapshot([failed]));
    reasons.a = 'Failed to compile';
    tree.update(snapshot([failed]));
    assert.strictEqual(events.length, 2);
    assert.match(String(tree.getTreeItem(rows()[0]).description), /Failed · Failed to compile/);
  });

  it("shows the service's CPUs and memory in its tooltip", async () => {
    const { tree, rows } = setup({}, { b: { size: '3 CPUs, 6 GiB' } });
    tree.update(snapshot([starting, running]));
    const [rowA, rowB] = rows();
    const text = (tooltip: unknown) => (tooltip as { value: string }).value;
    const itemB = await tree.resolveTreeItem(tree.getTreeItem(rowB), rowB);
    assert.match(text(itemB.tooltip), /Resources: ` 3 CPUs, 6 GiB `/);
    const itemA = await tree.resolveTreeItem(tree.getTreeItem(rowA), rowA);
    assert.doesNotMatch(text(itemA.tooltip), /Resources/, 'no line for a size that is not known');
  });

  it('shows the image the run uses: the compiled one, else its DOCKER_IMAGE input', async () => {
    // A hub-style component: its image input is not DOCKER_IMAGE, only the compiled content knows the image.
    const hub = { ...running, inputs: { image: 'jupyter/base-notebook' } };
    const aisg = { ...starting, inputs: { DOCKER_IMAGE: 'registry.example/vscode:1' } };
    const { tree, rows } = setup({}, { b: { image: 'jupyter/base-notebook' } });
    tree.update(snapshot([aisg, hub]));
    const [rowA, rowB] = rows();
    const text = async (row: ServiceNode) => ((await tree.resolveTreeItem(tree.getTreeItem(row), row)).tooltip as { value: string }).value;
    assert.match(await text(rowB), /Image: ` jupyter\/base-notebook `/);
    assert.match(await text(rowA), /Image: ` registry\.example\/vscode:1 `/);
  });
});
