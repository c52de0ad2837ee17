// The wizard's image step once there are recent images: a typed image gets a live "Use '<typed>'" item that Enter
// takes, and an image Docker would refuse says why and is not taken.
import { runCommand } from '../vscode-web/lib/workbench.mjs';
import { openPolyaxonView } from './polyaxon-ui.mjs';

const NEW_IMAGE = 'ghcr.io/team/new-image:1';

export const typedImageIsOffered = {
  name: 'the image step offers the typed image, and refuses one with a space',
  screenshot: 'wizard-typed-image',
  async run(ctx) {
    const { page } = ctx;
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input.input');
    const row = (text) => widget.locator('.monaco-list-row', { hasText: text }).first();
    // The service tab the launch before opened could take the focus while it loads, and close the wizard.
    await runCommand(page, 'View: Close All Editors');
    await openPolyaxonView(page);
    await runCommand(page, 'Polyaxon: Launch Cluster VSCode');
    await row(ctx.project).waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    // The launch before this step left a recent image, so the step is a pick.
    await widget.locator('input.input[placeholder*="pick a recent one, or type another"]').waitFor({ timeout: 15000 });
    await input.fill('my image:latest');
    await row("Use 'my image:latest'").waitFor({ timeout: 10000 });
    await row('it has a space').waitFor({ timeout: 10000 });
    await ctx.screenshot('wizard-refused-image');
    await page.keyboard.press('Enter');
    // Still the image step: nothing was taken. A valid image is then offered and taken with Enter.
    await input.fill(NEW_IMAGE);
    await row(`Use '${NEW_IMAGE}'`).waitFor({ timeout: 10000 });
    await row('not an image reference').waitFor({ state: 'hidden', timeout: 10000 });
    await page.keyboard.press('Enter');
    await widget.filter({ hasText: 'Working directory' }).waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await widget.filter({ hasText: 'Run name' }).waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    // The review lists the typed image; leave without launching.
    await row(NEW_IMAGE).waitFor({ timeout: 15000 });
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 10000 });
  },
};
