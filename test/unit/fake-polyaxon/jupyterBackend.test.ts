// The sandbox's real Jupyter: started from the bundled polyaxonfile's settings, behind the fake gateway.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUNDLED_JUPYTER_POLYAXONFILE, jupyterBackend, jupyterLaunch } from '../../fake-polyaxon/jupyter-backend';
import { startFakePolyaxon } from '../../fake-polyaxon/server';
import { call } from './helpers';

const PROJECT = 'my-project-alice';

describe('fake Polyaxon: a real Jupyter behind Jupyter services', () => {
  it('takes base_url, the empty token and the framing policy from the bundled polyaxonfile, on 127.0.0.1', () => {
    const base = '/services/v1/polyaxon-v1/default/p/runs/u1';
    const { subcommand, args } = jupyterLaunch(BUNDLED_JUPYTER_POLYAXONFILE, { base_url: base, port: 4321, workingDir: '/tmp/w' });
    assert.strictEqual(subcommand, 'lab');
    for (const expected of [
      `--ServerApp.base_url=${base}`,
      `--NotebookApp.base_url=${base}`,
      '--ServerApp.token=',
      '--NotebookApp.token=',
      '--port=4321',
      '--ip=127.0.0.1',
      '--NotebookApp.notebook_dir=/tmp/w',
      '--ServerApp.root_dir=/tmp/w',
    ]) {
      assert.ok(args.includes(expected), `missing ${expected} in ${args.join(' ')}`);
    }
    assert.ok(
      args.some(
        (a) => a.startsWith('--NotebookApp.tornado_settings=') && a.includes("frame-ancestors 'self' * vscode-webview: vscode-file:"),
      ),
    );
    assert.ok(!args.some((a) => a.includes('0.0.0.0') || a.includes('{{')), args.join(' '));
  });

  it('serves the real Jupyter page under the service path once the service runs, and stops it with the run', async function () {
    this.timeout(90000);
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyaxon-jupyter-unit-'));
    const backend = jupyterBackend({ stateDir });
    assert.ok(backend, 'no `jupyter` command: apt-get install python3-jupyter-server jupyter-notebook python3-ipykernel (setup.sh does)');
    const fake = await startFakePolyaxon({ seed: 'empty', operator: false, serviceBackend: backend });
    try {
      const run = fake.addRun(PROJECT, { name: 'jupyterlab-notebook', kind: 'service', tags: ['jupyter'], status: 'running' });
      const base = `/services/v1/polyaxon-v1/default/${PROJECT}/runs/${run.uuid}/`;
      const tree = await call(fake, 'GET', `${base}tree`);
      assert.strictEqual(tree.status, 200, tree.text.slice(0, 300));
      assert.match(tree.text, /<title>Home Page - Select or create a notebook<\/title>|<title>Jupyter Server<\/title>/);
      assert.match(tree.headers.get('content-security-policy') ?? '', /frame-ancestors 'self' \* vscode-webview: vscode-file:/);
      const api = await call(fake, 'GET', `${base}api`);
      assert.match(String(api.json?.version), /^\d+\.\d+/);

      fake.setStatus(PROJECT, run.uuid, 'stopped');
      const after = await call(fake, 'GET', `${base}api`);
      assert.strictEqual(after.status, 502);
    } finally {
      await fake.close();
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
