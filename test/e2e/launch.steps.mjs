// What a person does with a new dev environment: launch it from the palette through the wizard, watch it start,
// use it in a VS Code tab, then stop it and delete it after confirming.
import {
  answerDialog,
  answerQuickInput,
  clickTreeRowAction,
  editorTab,
  runCommand,
  runTreeRowMenuItem,
  treeRow,
  untilEffect,
  waitForNotification,
  waitUntil,
  webviewFrame,
} from '../vscode-web/lib/workbench.mjs';
import { ensureService, openPolyaxonView, openServiceTab, serviceNamed, shownService } from './polyaxon-ui.mjs';

const RUN_NAME = 'e2e-vscode';
const IMAGE = 'asia.gcr.io/my-gcp-project/vscode-server:0.1.0';

const runOnServer = (ctx) => serviceNamed(ctx, RUN_NAME);

/** How many of the project's services run, according to the server. */
async function runningOnServer(ctx) {
  const { results } = await ctx.api(`/api/v1/default/${ctx.project}/runs?limit=100`);
  return results.filter((r) => r.kind === 'service' && r.status === 'running').length;
}

/** The Polyaxon item of the status bar: its codicons say what it counts. */
const polyaxonStatus = (page) =>
  page
    .locator('.part.statusbar .statusbar-item')
    .filter({ has: page.locator('.codicon-vm-running') })
    .first();

export const launchThroughWizard = {
  name: 'Launch Cluster VSCode from the palette, through the wizard',
  async run(ctx) {
    const { page } = ctx;
    await openPolyaxonView(page);
    // The demo project already runs a VS Code service: the first step asks about it, in words that fit its state.
    // A busy workbench may close a quick input that opens while the palette is still closing: run the command again.
    const row = (label) => page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    await untilEffect(
      () => runCommand(page, 'Polyaxon: Launch Cluster VSCode'),
      () => row('Open the running one').waitFor({ timeout: 15000 }),
      { name: 'Launch Cluster VSCode' },
    );
    for (const label of ['Launch another', 'Stop it and launch']) await row(label).waitFor({ timeout: 5000 });
    await ctx.screenshot('launch-existing');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Launch another' }).first().click();
    // The image, then the working directory (its default is the shared volume), then the run name: asked in words.
    await page.locator('.quick-input-widget', { hasText: 'Image (your vscode-server image)' }).waitFor({ timeout: 15000 });
    await answerQuickInput(page, IMAGE);
    // The size: the polyaxonfile's is offered first; another one is typed as Kubernetes quantities.
    await page.locator('.quick-input-widget', { hasText: 'from vscode-service.yml' }).waitFor({ timeout: 15000 });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Other size' }).first().click();
    await page.locator('.quick-input-widget', { hasText: 'CPUs for the service' }).waitFor({ timeout: 15000 });
    await answerQuickInput(page, '3');
    await page.locator('.quick-input-widget', { hasText: 'Memory for the service' }).waitFor({ timeout: 15000 });
    await answerQuickInput(page, '6Gi');
    await page.locator('.quick-input-widget', { hasText: 'Working directory' }).waitFor({ timeout: 15000 });
    const workingDir = await page.locator('.quick-input-widget input.input').inputValue();
    if (workingDir !== '/polyaxon-v1-data') throw new Error(`WORKING_DIR defaults to "${workingDir}"`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Run name' }).waitFor({ timeout: 15000 });
    // Unique by default: vscode-<user>-<n>.
    const suggested = await page.locator('.quick-input-widget input.input').inputValue();
    if (!/^vscode-[a-z0-9-]+-\d+$/.test(suggested)) throw new Error(`the default run name is "${suggested}"`);
    await answerQuickInput(page, RUN_NAME);
    // The review step lists what will be launched.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: IMAGE }).first().waitFor({ timeout: 15000 });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '3 CPUs, 6 GiB' }).first().waitFor({ timeout: 15000 });
    await ctx.screenshot('launch-review');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Launch' }).first().click();
    await waitForNotification(page, `Launching Cluster VSCode "${RUN_NAME}"`, { timeout: 15000 });
    const run = await waitUntil(
      () => runOnServer(ctx),
      () => `no run named ${RUN_NAME} on the server`,
    );
    // The size chosen in the wizard reached the compiled run (the fake compiles the runPatch like Polyaxon).
    const detail = await ctx.api(`/api/v1/default/${ctx.project}/runs/${run.uuid}`);
    const requests = JSON.parse(detail.content).run.container.resources.requests;
    if (requests.cpu !== 3 || requests.memory !== '6Gi') throw new Error(`the run requests ${JSON.stringify(requests)}`);
    ctx.launched = run;
  },
};

export const statusBarFollows = {
  name: 'the status bar counts the new service until it runs',
  async run(ctx) {
    const { page } = ctx;
    ctx.launched = await ensureService(ctx, RUN_NAME, { image: IMAGE });
    let running;
    await waitUntil(
      async () => {
        running = await runningOnServer(ctx);
        const text = (await polyaxonStatus(page).innerText()).trim();
        return Number(text.split(/\s/)[0]) === running;
      },
      async () => `status bar shows "${await polyaxonStatus(page).innerText()}", the server runs ${running} services`,
      { timeout: 30000 },
    );
  },
};

export const webviewShowsService = {
  name: 'the running service opens in a VS Code tab with its page in the iframe',
  screenshot: 'webview',
  async run(ctx) {
    const { page } = ctx;
    const run = await ensureService(ctx, RUN_NAME, { image: IMAGE });
    await openServiceTab(page, RUN_NAME); // the launch step opened it, unless it did not
    const service = await shownService(page);
    await service.locator('body', { hasText: run.uuid }).waitFor({ timeout: 30000 });
  },
};

export const stopAfterConfirming = {
  name: 'Stop asks first, naming the service, then stops it',
  async run(ctx) {
    const { page } = ctx;
    await ensureService(ctx, RUN_NAME, { image: IMAGE });
    await openPolyaxonView(page);
    await waitUntil(
      async () =>
        /running/i.test(
          await treeRow(page, RUN_NAME)
            .innerText()
            .catch(() => ''),
        ),
      () => `the tree does not show ${RUN_NAME} running`,
      { timeout: 30000 },
    );
    const dialog = page.locator('.monaco-dialog-box');
    await untilEffect(
      () => clickTreeRowAction(page, RUN_NAME, 'Stop Service'),
      () => dialog.waitFor({ timeout: 5000 }),
      { name: 'Stop Service' },
    );
    await ctx.screenshot('stop-confirm');
    const text = await answerDialog(page, 'Stop Service');
    if (!text.includes(RUN_NAME)) throw new Error(`the confirmation does not name the service: ${text}`);
    await waitUntil(
      async () => ['stopping', 'stopped'].includes((await runOnServer(ctx))?.status),
      () => 'the service was not stopped',
    );
    await waitUntil(
      async () => /stopp/i.test(await treeRow(page, RUN_NAME).innerText()),
      () => 'the tree does not show it stopping or stopped',
      { timeout: 20000 },
    );
  },
};

export const deleteAfterConfirming = {
  name: 'Delete asks in a modal dialog, then removes the service',
  async run(ctx) {
    const { page } = ctx;
    const run = await ensureService(ctx, RUN_NAME, { image: IMAGE, statuses: ['running', 'stopping', 'stopped'] });
    await openPolyaxonView(page);
    await treeRow(page, RUN_NAME).waitFor({ timeout: 30000 });
    if (!(await editorTab(page, RUN_NAME).isVisible()) && run.status === 'running') {
      // run alone: give it a tab to update
      await untilEffect(
        () => clickTreeRowAction(page, RUN_NAME, 'Open in VS Code'),
        () => editorTab(page, RUN_NAME).waitFor({ timeout: 10000 }),
        { name: 'Open in VS Code' },
      );
    }
    const hadTab = await editorTab(page, RUN_NAME).isVisible();
    const dialog = page.locator('.monaco-dialog-box');
    await runTreeRowMenuItem(page, RUN_NAME, 'Delete Service', () => dialog.waitFor({ timeout: 5000 }));
    const text = await answerDialog(page, 'Delete');
    if (!/cannot be undone/.test(text) && !/Delete/.test(text)) throw new Error(`unexpected confirmation: ${text}`);
    await waitUntil(
      async () => !(await runOnServer(ctx)),
      () => 'the run still exists on the server',
    );
    await waitUntil(
      async () => (await treeRow(page, RUN_NAME).count()) === 0,
      () => 'the tree still lists the deleted service',
      { timeout: 20000 },
    );
    // Its open tab says so at once, instead of framing a service that is gone.
    if (hadTab) {
      await editorTab(page, RUN_NAME).click();
      await webviewFrame(page)
        .locator('body', { hasText: /deleted/i })
        .waitFor({ timeout: 5000 });
    }
  },
};
