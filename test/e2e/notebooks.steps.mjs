// A Jupyter service of the sandbox is a real Jupyter server (the fake runs with --jupyter): its tab shows
// Jupyter's own page, served through the gateway path under the bundled polyaxonfile's base_url.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { editorTab, treeRow, untilEffect, waitUntil, webviewFrame } from '../vscode-web/lib/workbench.mjs';
import { ensureFakeHost, openPolyaxonView } from './polyaxon-ui.mjs';

const RUN_NAME = 'e2e-jupyter';
const BUNDLED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../polyaxonfiles/jupyter-service.yml');

export const jupyterTabShowsJupyter = {
  name: 'a running Jupyter service shows the real Jupyter in its tab',
  screenshot: 'jupyter-tab',
  async run(ctx) {
    const { page } = ctx;
    await ensureFakeHost(ctx);
    // launched from the bundled polyaxonfile, as the Launch command would send it
    const component = YAML.parse(fs.readFileSync(BUNDLED, 'utf8'));
    const content = JSON.stringify({ version: 1.1, kind: 'operation', name: RUN_NAME, params: { DOCKER_IMAGE: { value: 'img:1' } }, component });
    const run = await ctx.api(`/api/v1/default/${ctx.project}/runs`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content, name: RUN_NAME }),
    });
    await waitUntil(async () => (await ctx.api(`/api/v1/default/${ctx.project}/runs/${run.uuid}`)).status === 'running',
      () => `${RUN_NAME} did not reach running`, { timeout: 30000 });
    await openPolyaxonView(page);
    await waitUntil(async () => /Running/i.test(await treeRow(page, RUN_NAME).innerText().catch(() => '')),
      () => `the tree does not show ${RUN_NAME} running`, { timeout: 30000 });
    // a running service's row opens its tab
    await untilEffect(() => treeRow(page, RUN_NAME).click(), () => editorTab(page, RUN_NAME).waitFor({ timeout: 10000 }), { name: `click ${RUN_NAME}` });
    const jupyter = webviewFrame(page).frameLocator('iframe#service');
    // the classic notebook's file browser (Jupyter Lab is not packaged in Debian)
    await jupyter.locator('#ipython_notebook, #notebook_list').first().waitFor({ timeout: 60000 });
    await jupyter.locator('#tabs', { hasText: 'Files' }).waitFor({ timeout: 15000 });
    ctx.jupyterRun = run;
  },
};
