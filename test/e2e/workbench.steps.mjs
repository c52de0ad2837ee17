import { workbenchUrl } from '../vscode-web/lib/browser.mjs';
import { openWorkbench } from '../vscode-web/lib/workbench.mjs';
import { VIEW_CONTAINER } from './polyaxon-ui.mjs';

export const workbenchLoads = {
  name: 'workbench loads with the Polyaxon activity bar entry',
  async run({ page, codeServerUrl, workspace }) {
    await openWorkbench(page, workbenchUrl(codeServerUrl, { folder: workspace }));
    await page.locator(`.part.activitybar [aria-label^="${VIEW_CONTAINER}"]`).first().waitFor({ timeout: 30000 });
  },
};
