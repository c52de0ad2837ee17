// The wizard's image step once there are recent images: a typed image gets a live "Use '<typed>'" item that Enter
// takes, and an image Docker would refuse says why and is not taken.
import fs from 'node:fs';
import path from 'node:path';
import { runCommand, untilEffect } from '../vscode-web/lib/workbench.mjs';
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
    // The launch before left a VS Code service up: the first step asks about it. A busy workbench may close a quick
    // input that opens while the palette is still closing: run the command again.
    await untilEffect(
      () => runCommand(page, 'Polyaxon: Launch Cluster VSCode'),
      () => row('Launch another').waitFor({ timeout: 15000 }),
      { name: 'Launch Cluster VSCode' },
    );
    await row('Launch another').click();
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
    // The row is reused: its old detail may stay in the DOM, hidden.
    await widget.getByText('is not an image reference').waitFor({ state: 'hidden', timeout: 10000 });
    await page.keyboard.press('Enter');
    // The Resources step: Enter keeps the polyaxonfile's size.
    await widget.filter({ hasText: 'from vscode-service.yml' }).waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await widget.filter({ hasText: 'Working directory' }).waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await widget.filter({ hasText: 'Run name' }).waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    // The review lists the typed image; leave without launching.
    await row(NEW_IMAGE).waitFor({ timeout: 15000 });
    // A busy workbench may drop a key: press Escape again until the wizard is gone.
    await untilEffect(
      () => page.keyboard.press('Escape'),
      () => widget.waitFor({ state: 'hidden', timeout: 5000 }),
      { name: 'Escape closes the wizard' },
    );
  },
};

/** Two VS Code service polyaxonfiles in the workspace: the launch asks which one, and names both. */
export const polyaxonfileStepAsks = {
  name: 'the launch asks which polyaxonfile when the workspace has two',
  async run(ctx) {
    const { page } = ctx;
    const widget = page.locator('.quick-input-widget');
    const row = (text) => widget.locator('.monaco-list-row', { hasText: text }).first();
    const dir = path.join(ctx.workspace, 'team', 'polyaxonfiles');
    fs.mkdirSync(dir, { recursive: true });
    const bundled = fs.readFileSync(new URL('../../polyaxonfiles/vscode-service.yml', import.meta.url), 'utf8');
    fs.writeFileSync(path.join(dir, 'a-code.yml'), bundled.replace(/^name: vscode-service$/m, 'name: a-code'));
    fs.writeFileSync(path.join(dir, 'b-code.yml'), bundled.replace(/^name: vscode-service$/m, 'name: b-code'));
    try {
      await openPolyaxonView(page);
      await runCommand(page, 'Polyaxon: Launch Cluster VSCode');
      await widget.locator('input.input[placeholder*="more than one for this service"]').waitFor({ timeout: 15000 });
      await row('team/polyaxonfiles/a-code.yml').waitFor({ timeout: 10000 });
      await ctx.screenshot('wizard-polyaxonfile-step');
      await row('team/polyaxonfiles/b-code.yml').click();
      // Then the wizard itself: its first step asks about the VS Code service already up.
      await row('Launch another').waitFor({ timeout: 15000 });
      await untilEffect(
        () => page.keyboard.press('Escape'),
        () => widget.waitFor({ state: 'hidden', timeout: 5000 }),
        { name: 'Escape closes the wizard' },
      );
    } finally {
      fs.rmSync(path.join(ctx.workspace, 'team'), { recursive: true, force: true });
    }
  },
};
