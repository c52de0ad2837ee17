// The getting-started walkthrough opens from the Welcome page's walkthrough list, and its buttons run our commands.
// On a laptop it holds the laptop steps only.
import { runCommand } from '../vscode-web/lib/workbench.mjs';

export const walkthroughOpens = {
  name: 'the walkthrough opens and its Configure Connection button works',
  screenshot: 'walkthrough',
  async run(ctx) {
    const { page } = ctx;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Polyaxon Dev Environments' })
      .first()
      .click({ timeout: 15000 });
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.getByText('Connect to Polyaxon').first().waitFor({ timeout: 15000 });
    for (const title of ['Pick or create your project', 'Build your dev image', 'Launch VS Code or Jupyter Lab']) {
      await walkthrough.getByText(title).first().waitFor({ timeout: 5000 });
    }
    // The in-service steps have a walkthrough of their own, shown only inside a cluster VS Code.
    const cloneStep = walkthrough.getByText('Clone your repository into the workspace').filter({ visible: true });
    if (await cloneStep.count()) throw new Error('the laptop walkthrough shows the in-service clone step');
    await ctx.screenshot('walkthrough');
    await walkthrough.getByRole('button', { name: 'Configure Connection' }).first().click({ timeout: 10000 });
    const input = page.locator('.quick-input-widget', { hasText: 'Configure Connection' });
    await input.waitFor({ timeout: 15000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+W'); // close the walkthrough tab
  },
};
