// The connection breaks (polyaxon.host edited to a port nobody listens on), then the server appears on that port
// and the user clicks Retry, like after restarting `polyaxon port-forward`.
import net from 'node:net';
import { answerQuickInput, runCommand, untilEffect, welcomeView } from '../vscode-web/lib/workbench.mjs';
import { openPolyaxonView, servicesOnServer, waitForServiceRows } from './polyaxon-ui.mjs';

const retryButton = (page) => welcomeView(page).locator('.monaco-button', { hasText: 'Retry' });

export const unreachableWelcome = {
  name: 'welcome view explains an unreachable server and offers Retry',
  screenshot: 'unreachable',
  async run(ctx) {
    await openPolyaxonView(ctx.page);
    ctx.unreachablePort = await ctx.freePort();
    // As a person would: Configure Connection, a new host, no token (Escape at the token step keeps the host).
    await runCommand(ctx.page, 'Polyaxon: Configure Connection');
    await answerQuickInput(ctx.page, `http://127.0.0.1:${ctx.unreachablePort}`);
    await ctx.page.locator('.quick-input-widget', { hasText: 'token' }).waitFor({ timeout: 15000 });
    await ctx.page.keyboard.press('Escape');
    await ctx.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
    await welcomeView(ctx.page).getByText('Cannot reach Polyaxon').waitFor({ timeout: 20000 });
    await retryButton(ctx.page).waitFor();
  },
};

export const retryReconnects = {
  name: 'Retry lists the services once the server answers again',
  async run(ctx) {
    // a forwarder on the dead port to the fake server stands in for a restarted port-forward
    const fake = new URL(ctx.fakeUrl);
    const sockets = new Set();
    const forwarder = net.createServer((socket) => {
      const upstream = net.connect(Number(fake.port), fake.hostname);
      for (const [a, b] of [
        [socket, upstream],
        [upstream, socket],
      ]) {
        sockets.add(a);
        a.on('error', () => b.destroy()).on('close', () => sockets.delete(a));
      }
      socket.pipe(upstream).pipe(socket);
    });
    if (!ctx.unreachablePort) {
      // run alone: break the connection the quick way
      ctx.unreachablePort = await ctx.freePort();
      ctx.updateSettings({ 'polyaxon.host': `http://127.0.0.1:${ctx.unreachablePort}` });
      await openPolyaxonView(ctx.page);
      await retryButton(ctx.page).waitFor({ timeout: 20000 });
    }
    await new Promise((resolve) => forwarder.listen(ctx.unreachablePort, '127.0.0.1', resolve));
    try {
      const services = await servicesOnServer(ctx);
      await untilEffect(
        () => retryButton(ctx.page).click({ timeout: 10000 }),
        () => waitForServiceRows(ctx.page, services, { timeout: 10000 }),
        { name: 'Retry' },
      );
    } finally {
      ctx.updateSettings({ 'polyaxon.host': ctx.fakeUrl });
      forwarder.close();
      for (const socket of sockets) socket.destroy();
    }
  },
};
