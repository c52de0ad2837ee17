// Inside the cluster's VS Code, shown in a tab of the local one (run by test/vscode-web/run-ui-cluster.mjs): the
// service is a real code-server with this extension installed, as the bundled polyaxonfile installs it.
import fs from 'node:fs';
import path from 'node:path';
import { answerQuickInput, runCommand, untilEffect, waitUntil, webviewFrame } from '../vscode-web/lib/workbench.mjs';
import { openServiceTab } from './polyaxon-ui.mjs';

/** The inner workbench as the workbench helpers see a page: its own elements, the browser's one keyboard. */
const inner = (page) => {
  const frame = webviewFrame(page).frameLocator('iframe#service');
  return { locator: (selector, options) => frame.locator(selector, options), keyboard: page.keyboard };
};

/** The local tab shows the sandbox's running VS Code service, and the user clicked into it. */
async function showClusterVSCode(ctx) {
  const { page } = ctx;
  const answer = await fetch(`${ctx.fakeUrl}/api/v1/default/${ctx.project}/runs?query=kind:service,status:running`).then((r) => r.json());
  const run = answer.results.find((r) => /vscode/.test(r.name ?? ''));
  if (!run) throw new Error(`no running VS Code service in the sandbox: ${JSON.stringify(answer).slice(0, 300)}`);
  await openServiceTab(page, run.name);
  const show = webviewFrame(page).locator('#show-service');
  const frame = webviewFrame(page).locator('iframe#service');
  if (!(await frame.isVisible())) {
    await show.waitFor({ timeout: 60000 });
    await show.click();
  }
  const workbench = inner(page);
  // The extension there has started once its status bar item names the run (a second code-server starts first).
  await workbench.locator('.part.statusbar', { hasText: run.uuid.slice(0, 8) }).waitFor({ timeout: 90000 });
  return workbench;
}

export const cloneInClusterVSCode = {
  name: "in the cluster's VS Code (a tab of the local one), Clone Repository clones the team's repository over HTTPS",
  async run(ctx) {
    const workbench = await showClusterVSCode(ctx);
    await untilEffect(
      () => runCommand(workbench, 'Polyaxon: Clone Repository into Workspace', { timeout: 20000 }),
      () => workbench.locator('.quick-input-widget', { hasText: 'HTTPS URL' }).waitFor({ timeout: 10000 }),
      { name: 'Clone Repository (the command shows only where the extension runs inside a service)' },
    );
    await answerQuickInput(workbench, ctx.cloneUrl);
    await workbench.locator('.quick-input-widget', { hasText: 'Your name' }).waitFor({ timeout: 10000 });
    await answerQuickInput(workbench, 'alice');
    const readme = path.join(ctx.workspaceRoot, 'alice', 'demo', 'README.md');
    await waitUntil(
      () => fs.existsSync(readme) && fs.readFileSync(readme, 'utf8') === '# demo\n',
      () => `no clone at ${readme}`,
      { timeout: 60000 },
    );
  },
};

export const keyboardBackFromClusterVSCode = {
  name: "in the cluster's VS Code, Ctrl+Alt+O gives the keyboard back to the local VS Code",
  async run(ctx) {
    const { page } = ctx;
    const workbench = await showClusterVSCode(ctx);
    const sideBarHasFocus = () => page.evaluate(() => !!document.activeElement?.closest('.part.sidebar'));
    // The keys are the inner VS Code's: its palette opens with F1, the local one's does not.
    await workbench.locator('.part.statusbar').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Escape');
    if (await sideBarHasFocus()) throw new Error('the local side bar had the focus before the key');
    await untilEffect(
      () => page.keyboard.press('Control+Alt+O'),
      () => waitUntil(sideBarHasFocus, () => 'the local side bar never got the focus', { timeout: 10000 }),
      { name: 'Ctrl+Alt+O inside the service' },
    );
    // From now on the keys are the local VS Code's: F1 opens its palette, not the service's.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input.input').waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.press('Escape');
  },
};

export const clusterSteps = [cloneInClusterVSCode, keyboardBackFromClusterVSCode];
