// The getting-started walkthrough opens from the Welcome page's walkthrough list, and its buttons run our commands.
// On a laptop it holds the laptop steps only.
import net from 'node:net';
import { answerQuickInput, runCommand, waitUntil, welcomeView } from '../vscode-web/lib/workbench.mjs';
import { openPolyaxonView } from './polyaxon-ui.mjs';

/** Opens our walkthrough from the Welcome page's list; returns its page. */
async function openWalkthrough(page) {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Polyaxon Dev Environments' })
    .first()
    .click({ timeout: 15000 });
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.getByText('Connect to Polyaxon').first().waitFor({ timeout: 15000 });
  return walkthrough;
}

/** The step's checkbox, and whether it is ticked: data-done-step-id, aria-checked and `complete` (VS Code's gettingStarted.ts). */
function stepBox(walkthrough, title) {
  const box = walkthrough.locator('.getting-started-step', { hasText: title }).first().locator('[data-done-step-id]').first();
  const ticked = async () =>
    (await box.getAttribute('aria-checked')) === 'true' || /\bcomplete\b/.test((await box.getAttribute('class')) ?? '');
  return { box, ticked };
}

export const walkthroughOpens = {
  name: 'the walkthrough opens and its Configure Connection button works',
  async run(ctx) {
    const { page } = ctx;
    const walkthrough = await openWalkthrough(page);
    for (const title of ['Pick or create your project', 'Build your dev image', 'Launch VS Code or Jupyter Lab']) {
      await walkthrough.getByText(title).first().waitFor({ timeout: 5000 });
    }
    // The in-service steps have a walkthrough of their own, shown only inside a cluster VS Code.
    const cloneStep = walkthrough.getByText('Clone your repository into the workspace').filter({ visible: true });
    if (await cloneStep.count()) throw new Error('the laptop walkthrough shows the in-service clone step');
    // Connected and a project chosen before the walkthrough was first shown: both steps are ticked (issue 23 minor 5).
    for (const title of ['Connect to Polyaxon', 'Pick or create your project']) {
      const { box, ticked } = stepBox(walkthrough, title);
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

/** As a person would: Configure Connection, a host typed, no token (Escape at the token step keeps the host). */
async function setHost(page, host) {
  await runCommand(page, 'Polyaxon: Configure Connection');
  await answerQuickInput(page, host);
  const tokenBox = page.locator('.quick-input-widget', { hasText: 'token' });
  await tokenBox.waitFor({ timeout: 15000 });
  await page.keyboard.press('Escape');
  await tokenBox.waitFor({ state: 'hidden', timeout: 5000 });
}

/**
 * A gateway that answers when the step says so, as a slow real one would: a TCP forwarder to the fake server that
 * holds every connection until release(), then passes bytes on. Returns its URL, release() and close().
 */
async function heldGateway(ctx) {
  const fake = new URL(ctx.fakeUrl);
  const sockets = new Set();
  const held = [];
  let released = false;
  const forward = (socket) => {
    const upstream = net.connect(Number(fake.port), fake.hostname);
    sockets.add(upstream);
    upstream.on('error', () => socket.destroy()).on('close', () => sockets.delete(upstream));
    socket.pipe(upstream).pipe(socket);
    socket.resume();
  };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined).on('close', () => sockets.delete(socket));
    socket.pause();
    if (released) forward(socket);
    else held.push(socket);
  });
  const port = await ctx.freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    release: () => {
      released = true;
      held.splice(0).forEach(forward);
    },
    close: () => {
      sockets.forEach((s) => s.destroy());
      server.close();
    },
  };
}

export const tickKeepsTheForm = {
  name: 'a walkthrough step that ticks while Configure Connection is open leaves the keyboard in the form',
  async run(ctx) {
    const { page } = ctx;
    // A first day: nothing answers at the host, the walkthrough is open and Connect is not ticked.
    await openPolyaxonView(page);
    await setHost(page, `http://127.0.0.1:${await ctx.freePort()}`);
    await welcomeView(page).getByText('Cannot reach Polyaxon').waitFor({ timeout: 20000 });
    const walkthrough = await openWalkthrough(page);
    const connect = stepBox(walkthrough, 'Connect to Polyaxon');
    if (await connect.ticked()) await connect.box.click(); // VS Code's own toggle
    await waitUntil(
      async () => !(await connect.ticked()),
      () => 'the Connect step stays ticked',
    );
    await walkthrough.locator('.getting-started-step', { hasText: 'Connect to Polyaxon' }).first().click();
    // VS Code focuses a step it opens once its slide has moved (250 ms, gettingStarted.ts selectStep): a form opened
    // before that loses the keyboard to the step. A person is slower; the step waits for it.
    await waitUntil(
      () => page.evaluate(() => document.activeElement?.matches('.getting-started-step.expanded') === true),
      () => 'the opened Connect step never took the focus',
    );
    await walkthrough.getByRole('button', { name: 'Configure Connection' }).first().click({ timeout: 10000 });
    // The host is saved as the form moves on to the token; the gateway answers only once the token box is open, so
    // Connect ticks while the form is on screen, as on the slower real API.
    const gateway = await heldGateway(ctx);
    try {
      await answerQuickInput(page, gateway.url);
      const tokenBox = page.locator('.quick-input-widget', { hasText: 'token' });
      await tokenBox.waitFor({ timeout: 15000 });
      // Every element outside the form that takes the focus from now on.
      await page.evaluate(() => {
        window.focusLeftForm = [];
        document.addEventListener(
          'focusin',
          (e) => e.target instanceof Element && !e.target.closest('.quick-input-widget') && window.focusLeftForm.push(e.target.className),
          true,
        );
      });
      if (await connect.ticked()) throw new Error('Connect ticked before the gateway answered: nothing was tested');
      gateway.release();
      await waitUntil(connect.ticked, () => 'the Connect step did not tick once Polyaxon answered', { timeout: 20000 });
      // What the user types next still reaches the form.
      await page.keyboard.type('typed-after-the-tick');
      const value = await tokenBox.locator('input.input').inputValue();
      const left = await page.evaluate(() => [
        ...window.focusLeftForm,
        `now: ${document.activeElement?.tagName}.${document.activeElement?.className}`,
      ]);
      if (value !== 'typed-after-the-tick' || left.length > 1) {
        throw new Error(`the token box got "${value}"; the focus went to ${JSON.stringify(left)}`);
      }
      await page.keyboard.press('Escape'); // no token stored; the host is kept
      await tokenBox.waitFor({ state: 'hidden', timeout: 5000 });
      await page.keyboard.press('Control+W'); // close the walkthrough tab
      await setHost(page, ctx.fakeUrl);
    } catch (error) {
      ctx.updateSettings({ 'polyaxon.host': ctx.fakeUrl });
      throw error;
    } finally {
      gateway.close();
    }
  },
};
