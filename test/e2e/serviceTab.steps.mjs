// The service tab and the focus (issue 13, items 10 and 11): Open in Browser goes to the service itself, never to the
// IDE's own origin; a framed service that grabs the focus as it starts does not close a menu the user just opened;
// and Back to VS Code gives the keyboard back to the workbench.
import { treeRow, untilEffect, waitUntil, webviewFrame } from '../vscode-web/lib/workbench.mjs';
import { ensureService, openServiceTab, shownService } from './polyaxon-ui.mjs';

const RUN_NAME = 'e2e-vscode-tab';
const IMAGE = 'asia.gcr.io/my-gcp-project/vscode-server:0.1.0';

const serviceFrame = (page) => webviewFrame(page).frameLocator('iframe#service');
const focusTries = async (page) =>
  Number((await serviceFrame(page).locator('body').getAttribute('data-focus-tries', { timeout: 10000 })) ?? 0);

export const openInBrowserDirect = {
  name: "Open in Browser opens the service itself, not the IDE's /proxy/<port>/",
  async run(ctx) {
    const { page } = ctx;
    const run = await ensureService(ctx, RUN_NAME, { image: IMAGE });
    await openServiceTab(page, RUN_NAME);
    const button = webviewFrame(page).locator('button[data-action="openInBrowser"]');
    await button.waitFor({ timeout: 30000 });
    const popup = await untilEffect(
      () => button.click(),
      () => page.context().waitForEvent('page', { timeout: 10000 }),
      { name: 'Open in Browser' },
    );
    try {
      await popup.waitForLoadState('domcontentloaded', { timeout: 15000 });
      await waitUntil(
        () => popup.url() !== 'about:blank',
        () => 'the popup never navigated',
      );
      const opened = new URL(popup.url());
      const ide = new URL(ctx.codeServerUrl);
      if (opened.origin === ide.origin || /^\/(abs)?proxy\//.test(opened.pathname)) {
        throw new Error(`Open in Browser went to the IDE's own origin: ${popup.url()}`);
      }
      if (opened.port !== new URL(ctx.fakeUrl).port || !opened.pathname.includes(`/runs/${run.uuid}/`)) {
        throw new Error(`Open in Browser went to ${popup.url()}, not the service at ${ctx.fakeUrl}`);
      }
      await popup.locator('body', { hasText: run.uuid }).waitFor({ timeout: 15000 });
    } finally {
      await popup.close();
    }
  },
};

export const frameWaitsForClick = {
  name: 'a starting service in a tab does not take the focus: a menu opened in the tree stays open',
  async run(ctx) {
    const { page } = ctx;
    await ensureService(ctx, RUN_NAME, { image: IMAGE });
    await openServiceTab(page, RUN_NAME);
    // Reload the tab so that its service starts again, grabbing the focus for its first 30 s. The menu is opened only
    // once the new page runs: the reload itself replaces the tab's page, which is not what this step is about.
    await serviceFrame(page)
      .locator('body')
      .evaluate((body) => (body.dataset.before = 'reload'));
    await webviewFrame(page).locator('button[data-action="reload"]').click();
    await waitUntil(
      async () => {
        const body = serviceFrame(page).locator('body');
        return (await body.getAttribute('data-before', { timeout: 10000 })) === null && (await focusTries(page)) >= 1;
      },
      async () => 'the service page did not load again after Reload',
      { timeout: 15000 },
    );
    const menu = page.locator('.context-view .monaco-menu');
    await untilEffect(
      async () => {
        await treeRow(page, RUN_NAME).click({ button: 'right' });
      },
      () => menu.waitFor({ state: 'visible', timeout: 5000 }),
      { name: 'context menu on the tree row' },
    );
    // While the menu is open the service keeps trying (at least 4 more tries: 1 s); the menu must outlive them.
    const triesAtOpen = await focusTries(page);
    await waitUntil(
      async () => (await focusTries(page)) >= triesAtOpen + 4 || !(await menu.isVisible()),
      async () => `the service page stopped trying to focus (${await focusTries(page)} tries)`,
      { timeout: 15000 },
    );
    if (!(await menu.isVisible())) {
      throw new Error(`the context menu closed while the service grabbed the focus (${await focusTries(page)} tries)`);
    }
    if (triesAtOpen >= 120) throw new Error('the service had stopped grabbing the focus before the menu opened: nothing was tested');
    await page.keyboard.press('Escape');
  },
};

export const backToVSCode = {
  name: 'after a click into the service, Back to VS Code gives the keyboard back to the workbench',
  async run(ctx) {
    const { page } = ctx;
    await ensureService(ctx, RUN_NAME, { image: IMAGE });
    await openServiceTab(page, RUN_NAME);
    const frame = serviceFrame(page);
    const editor = frame.locator('#editor');
    await shownService(page);
    await editor.click();
    await page.keyboard.type('typed');
    await waitUntil(
      async () => (await editor.inputValue()) === 'typed',
      async () => `the service got "${await editor.inputValue()}"`,
    );
    await webviewFrame(page).locator('button[data-action="focusWorkbench"]').click();
    // The workbench has the keys again: F1 opens its command palette, and nothing more reaches the service.
    const palette = page.locator('.quick-input-widget input.input');
    await untilEffect(
      () => page.keyboard.press('F1'),
      () => palette.waitFor({ state: 'visible', timeout: 5000 }),
      { name: 'F1' },
    );
    await page.keyboard.press('Escape');
    const typed = await editor.inputValue();
    if (typed !== 'typed') throw new Error(`the service still got keys: "${typed}"`);
  },
};
