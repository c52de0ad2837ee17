// Playwright helpers for the VS Code workbench, independent of the extension. Selectors checked on VS Code 1.139.
import fs from 'node:fs';
import path from 'node:path';

/** Opens the workbench and waits until it is interactive (activity bar and status bar rendered). */
export async function openWorkbench(page, url, { timeout = 60000 } = {}) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout });
}

/** Opens a view container from the activity bar by its title (package.json viewsContainers). */
export async function openViewContainer(page, title, { timeout = 30000 } = {}) {
  const item = page.locator(`.part.activitybar [aria-label^="${title}"]`).first(); // first(): a badge has the same label
  await item.waitFor({ timeout });
  const cls = await item
    .locator('xpath=ancestor-or-self::li[1]')
    .getAttribute('class', { timeout: 2000 })
    .catch(() => '');
  if (!/\bchecked\b/.test(cls ?? '')) {
    // clicking an open one closes it
    await item.click();
    await page.mouse.move(0, 0); // no hover tooltip in screenshots
  }
  await page.locator('.part.sidebar .composite.title', { hasText: title }).first().waitFor({ timeout });
}

/** Rows of the side bar's trees: label, description and the accessible label (tooltip-like text). */
export async function treeRows(page) {
  return page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => ({
      label: r.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: r.querySelector('.label-description')?.textContent?.trim() ?? '',
      ariaLabel: r.getAttribute('aria-label') ?? '',
    })),
  );
}

export const treeRow = (page, text) => page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();

/**
 * Performs a gesture until its effect shows: `effect()` resolves once the state the gesture should cause is there
 * (it throws or times out otherwise). The gesture is retried, never the assertion: a click that the workbench
 * ignored (it arrived while a menu was still opening, or focus was elsewhere) gets another try, up to `tries`.
 */
export async function untilEffect(gesture, effect, { tries = 3, name = 'gesture', onRetry = async () => {} } = {}) {
  let lastError;
  for (let attempt = 1; attempt <= tries; attempt++) {
    await gesture(attempt);
    try {
      return await effect();
    } catch (e) {
      lastError = e;
      if (attempt < tries) await onRetry();
    }
  }
  throw new Error(`${name}: no effect after ${tries} tries: ${lastError?.message ?? lastError}`);
}

/** Closes whatever transient UI is open (context menu, quick input, dialog) so that a step starts from a calm window. */
export async function calmWorkbench(page) {
  const transient = page.locator('.context-view .monaco-menu, .quick-input-widget:visible, .monaco-dialog-box');
  for (
    let i = 0;
    i < 4 &&
    (await transient
      .first()
      .isVisible()
      .catch(() => false));
    i++
  ) {
    await page.keyboard.press('Escape');
    await transient
      .first()
      .waitFor({ state: 'hidden', timeout: 1000 })
      .catch(() => {});
  }
}

/** Clicks an inline action (the icons shown on hover, package.json view/item/context `inline`) of a tree row. */
export async function clickTreeRowAction(page, rowText, actionTitle, { timeout = 10000 } = {}) {
  const row = treeRow(page, rowText);
  await row.hover({ timeout });
  const action = row.locator(`.action-label[aria-label^="${actionTitle}"]`);
  await action.waitFor({ state: 'visible', timeout });
  await action.click({ timeout });
}

/**
 * Runs a tree row's context-menu entry the way a person does: right click, wait for the menu to settle, hover the
 * entry until the menu highlights it, then click. The workbench ignores a click that comes too soon after the menu
 * opens, so the caller passes `effect` (resolves when the command visibly ran) and the gesture is retried.
 */
export async function runTreeRowMenuItem(page, rowText, itemName, effect, { tries = 3, timeout = 10000 } = {}) {
  const menu = page.locator('.context-view .monaco-menu');
  return untilEffect(
    async () => {
      await calmWorkbench(page);
      await treeRow(page, rowText).click({ button: 'right', timeout });
      await menu.waitFor({ state: 'visible', timeout });
      const item = menu.getByRole('menuitem', { name: itemName });
      await item.waitFor({ state: 'visible', timeout });
      await item.hover();
      await waitUntil(
        async () => /\bfocused\b/.test((await item.locator('xpath=ancestor-or-self::li[1]').getAttribute('class')) ?? ''),
        () => `the menu never highlighted "${itemName}"`,
        { timeout: 5000, interval: 50 },
      );
      await item.click();
    },
    effect,
    { tries, name: `context menu "${itemName}" on "${rowText}"` },
  );
}

/** The welcome view (package.json viewsWelcome) shown in place of an empty tree. */
export const welcomeView = (page) => page.locator('.part.sidebar .welcome-view-content').first();

/** Runs a command by its palette title (`Category: Title`) through F1. */
export async function runCommand(page, title, { timeout = 15000 } = {}) {
  const input = page.locator('.quick-input-widget input.input');
  await page.keyboard.press('F1');
  if (!(await input.isVisible())) {
    // no keyboard focus yet: focus the status bar (not the title bar, which leaves a tooltip in screenshots)
    await page
      .locator('.part.statusbar')
      .click({ position: { x: 2, y: 2 } })
      .catch(() => {});
    await page.keyboard.press('F1');
  }
  await input.waitFor({ state: 'visible', timeout });
  await input.fill('>' + title);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}

/** Picks an entry of the open quick pick (wizard step) by its visible text. */
export async function pickQuickItem(page, text, { timeout = 15000 } = {}) {
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first().click({ timeout });
}

/** Types into the open quick input (input box or quick pick filter) and presses Enter. */
export async function answerQuickInput(page, value, { timeout = 15000 } = {}) {
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(value);
  await page.keyboard.press('Enter');
}

/**
 * Waits for a notification containing `text` and returns its message. Looks at the toasts, then at the
 * notification center (toasts vanish after a while, and never show with the smoke-test driver).
 */
export async function waitForNotification(page, text, { timeout = 15000 } = {}) {
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
  try {
    await toast.waitFor({ timeout });
    return toast.locator('.notification-list-item-message').innerText();
  } catch {
    /* not (or no longer) a toast */
  }
  const inCenter = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
  if (!(await inCenter.isVisible())) await runCommand(page, 'Notifications: Show Notifications');
  await inCenter.waitFor({ timeout: 3000 });
  return inCenter.locator('.notification-list-item-message').innerText();
}

/** Clicks a button of the notification toast containing `text`. */
export async function clickNotificationButton(page, text, button, { timeout = 15000 } = {}) {
  await page
    .locator('.notifications-toasts .notification-list-item', { hasText: text })
    .first()
    .locator('.monaco-button', { hasText: button })
    .first()
    .click({ timeout });
}

/** A modal dialog (showWarningMessage({modal: true})): returns its text after clicking `button`. */
export async function answerDialog(page, button, { timeout = 15000 } = {}) {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout });
  const text = await dialog.locator('.dialog-message-row').innerText();
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: button }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout });
  return text;
}

/** Waits for a status bar entry containing `text`; returns its locator. */
export async function statusBarItem(page, text, { timeout = 15000 } = {}) {
  const item = page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
  await item.waitFor({ timeout });
  return item;
}

/**
 * The visible webview's own HTML. A webview is two nested iframes: iframe.webview (host page, served by the
 * workbench) > iframe#active-frame (the extension's HTML). `visible=true` picks the active one of several.
 */
export const webviewFrame = (page) => page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame');

/** An editor tab by its title. */
export const editorTab = (page, title) => page.locator('.part.editor .tabs-container .tab', { hasText: title }).first();

export async function screenshot(page, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/** Polls `probe` until it returns a truthy value (returned); on timeout throws `message()` (a function, for detail). */
export async function waitUntil(probe, message, { timeout = 15000, interval = 250 } = {}) {
  for (const end = Date.now() + timeout; Date.now() < end;) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(await message());
}
