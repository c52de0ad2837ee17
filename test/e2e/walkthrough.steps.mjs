// The getting-started walkthrough opens from the Welcome page's walkthrough list, and its buttons run our commands.
// On a laptop it holds the laptop steps only.
import { runCommand, waitUntil } from '../vscode-web/lib/workbench.mjs';

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
    // Connected and a project chosen before the walkthrough was first shown: both steps are ticked (issue 23 minor 5).
    for (const title of ['Connect to Polyaxon', 'Pick or create your project']) {
      // VS Code's step checkbox (gettingStarted.ts): data-done-step-id, aria-checked and a `complete` class when done.
      const box = walkthrough.locator('.getting-started-step', { hasText: title }).first().locator('[data-done-step-id]').first();
      const ticked = async () =>
        (await box.getAttribute('aria-checked')) === 'true' || /\bcomplete\b/.test((await box.getAttribute('class')) ?? '');
      await waitUntil(ticked, async () => `the step "${title}" is not ticked (${await box.getAttribute('class')})`);
    }
    await ctx.screenshot('walkthrough');
    // A ticked step is folded: open it, as the user would, for its button.
    await walkthrough.locator('.getting-started-step', { hasText: 'Connect to Polyaxon' }).first().click();
    await walkthrough.getByRole('button', { name: 'Configure Connection' }).first().click({ timeout: 10000 });
    const input = page.locator('.quick-input-widget', { hasText: 'Configure Connection' });
    await input.waitFor({ timeout: 15000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+W'); // close the walkthrough tab
  },
};
