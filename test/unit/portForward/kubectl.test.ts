// The calls that the real kubectl (1.32) answers offline, run against a kubeconfig this test writes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ForwardError } from '../../../src/portForward/forwardError';
import { listContexts, listServices, runKubectl, type Kubectl } from '../../../src/portForward/kubectl';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster: {server: 'https://127.0.0.1:1'}
  name: offline
contexts:
- context: {cluster: offline, user: alice, namespace: polyaxon-v1}
  name: gke_aisg-project_asia-southeast1_aisg-cluster
- context: {cluster: offline, user: alice}
  name: kind-local
current-context: kind-local
users:
- name: alice
  user: {token: not-a-secret}
`;

describe('kubectl (the real one, offline)', () => {
  let dir: string;
  let kubectl: Kubectl;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyaxon-kubeconfig-'));
    fs.writeFileSync(path.join(dir, 'config'), KUBECONFIG);
    kubectl = { command: 'kubectl', env: { ...process.env, KUBECONFIG: path.join(dir, 'config') } };
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the contexts of $KUBECONFIG and names the current one', async () => {
    assert.deepStrictEqual(await listContexts(kubectl), {
      names: ['gke_aisg-project_asia-southeast1_aisg-cluster', 'kind-local'],
      current: 'kind-local',
    });
  });

  it('has no current context when the kubeconfig sets none, and that is no error', async () => {
    const bare = path.join(dir, 'bare');
    fs.writeFileSync(bare, KUBECONFIG.replace('current-context: kind-local\n', ''));
    assert.deepStrictEqual(await listContexts({ ...kubectl, env: { ...kubectl.env, KUBECONFIG: bare } }), {
      names: ['gke_aisg-project_asia-southeast1_aisg-cluster', 'kind-local'],
      current: undefined,
    });
  });

  it('says which context does not exist, with kubectl’s own line', async () => {
    await assert.rejects(listServices(kubectl, 'gke_deleted', 'polyaxon-v1'), (e: ForwardError) => {
      assert.strictEqual(e.kind, 'noContext');
      assert.strictEqual(e.kubectlLine, 'error: context "gke_deleted" does not exist');
      assert.match(e.message, /The kube context "gke_deleted" does not exist in your kubeconfig/);
      return true;
    });
  });

  it('says the cluster is unreachable when its server refuses connections', async () => {
    await assert.rejects(
      runKubectl(kubectl, ['--context', 'kind-local', 'get', 'svc', '-n', 'polyaxon-v1', '-o', 'json', '--request-timeout=5s'], {
        context: 'kind-local',
        namespace: 'polyaxon-v1',
      }),
      (e: ForwardError) => e.kind === 'clusterUnreachable' && /127\.0\.0\.1:1/.test(e.message),
    );
  });

  it('says kubectl is missing, and how to install it, when the configured path has none', async () => {
    await assert.rejects(listContexts({ command: path.join(dir, 'no-kubectl-here'), env: process.env }), (e: ForwardError) => {
      assert.strictEqual(e.kind, 'kubectlNotFound');
      assert.match(e.message, /kubectl was not found at .*no-kubectl-here \(polyaxon\.kubectlPath\)/);
      assert.match(e.message, /https:\/\/kubernetes\.io\/docs\/tasks\/tools\//);
      return true;
    });
  });
});
