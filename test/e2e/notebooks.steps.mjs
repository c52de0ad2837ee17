// A Jupyter service of the sandbox is a real Jupyter server (the fake runs with --jupyter): its tab shows
// Jupyter's own page, served through the gateway path under the bundled polyaxonfile's base_url.
import { editorTab, treeRow, untilEffect, waitUntil } from '../vscode-web/lib/workbench.mjs';
import { ensureFakeHost, ensureService, openPolyaxonView, shownService } from './polyaxon-ui.mjs';

const RUN_NAME = 'e2e-jupyter';

export const jupyterTabShowsJupyter = {
  name: 'a running Jupyter service shows the real Jupyter in its tab',
  screenshot: 'jupyter-tab',
  async run(ctx) {
    const { page } = ctx;
    await ensureFakeHost(ctx);
    // launched from the bundled polyaxonfile, as the Launch command would send it
    const run = await ensureService(ctx, RUN_NAME, { polyaxonfile: 'jupyter-service.yml', params: { DOCKER_IMAGE: 'img:1' } });
    await openPolyaxonView(page);
    await waitUntil(
      async () =>
        /Running/i.test(
          await treeRow(page, RUN_NAME)
            .innerText()
            .catch(() => ''),
        ),
      () => `the tree does not show ${RUN_NAME} running`,
      { timeout: 30000 },
    );
    // a running service's row opens its tab
    await untilEffect(
      () => treeRow(page, RUN_NAME).click(),
      () => editorTab(page, RUN_NAME).waitFor({ timeout: 10000 }),
      { name: `click ${RUN_NAME}` },
    );
    const jupyter = await shownService(page);
    // the classic notebook's file browser (Jupyter Lab is not packaged in Debian)
    await jupyter.locator('#ipython_notebook, #notebook_list').first().waitFor({ timeout: 60000 });
    await jupyter.locator('#tabs', { hasText: 'Files' }).waitFor({ timeout: 15000 });
    ctx.jupyterRun = run;
  },
};
