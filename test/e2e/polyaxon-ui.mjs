// The extension's own UI, as the steps see it: its view, its rows, and what the fake server says they should show.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT } from '../vscode-web/lib/code-server.mjs';
import {
  answerQuickInput,
  clickTreeRowAction,
  editorTab,
  openViewContainer,
  runCommand,
  treeRow,
  treeRows,
  untilEffect,
  waitUntil,
  webviewFrame,
} from '../vscode-web/lib/workbench.mjs';

export const VIEW_CONTAINER = 'Polyaxon';

export async function openPolyaxonView(page) {
  await openViewContainer(page, VIEW_CONTAINER); // its only view: the title reads "Polyaxon: Services"
}

/** Opens the tab of the service `name` from its tree row (unless a step already opened it) and brings it to the front. */
export async function openServiceTab(page, name) {
  await openPolyaxonView(page);
  await treeRow(page, name).waitFor({ timeout: 30000 });
  if (!(await editorTab(page, name).isVisible())) {
    await untilEffect(
      () => clickTreeRowAction(page, name, 'Open in VS Code'),
      () => editorTab(page, name).waitFor({ timeout: 10000 }),
      { name: 'Open in VS Code' },
    );
  }
  await editorTab(page, name).click();
}

/** The services of the project according to the fake server: [{uuid, name, status}]. */
export async function servicesOnServer(ctx) {
  const { results } = await ctx.api(`/api/v1/default/${ctx.project}/runs?limit=100`);
  return results.filter((r) => r.kind === 'service').map(({ uuid, name, status }) => ({ uuid, name, status }));
}

const rowText = (row) => `${row.label} ${row.description} ${row.ariaLabel}`.toLowerCase();

/** Waits until, for each service, a tree row names it and shows its status; returns the rows. */
export async function waitForServiceRows(page, services, { timeout = 20000 } = {}) {
  let rows = [];
  const missing = () =>
    services.filter((s) => !rows.some((r) => rowText(r).includes(s.name.toLowerCase()) && rowText(r).includes(s.status.toLowerCase())));
  await waitUntil(
    async () => {
      rows = await treeRows(page);
      return missing().length === 0;
    },
    () =>
      `no row for ${missing()
        .map((s) => `${s.name} (${s.status})`)
        .join(', ')}; rows: ${JSON.stringify(rows.map((r) => `${r.label} | ${r.description}`))}`,
    { timeout },
  );
  return rows;
}

/** The project's service named `name` on the fake server, if any. */
export async function serviceNamed(ctx, name) {
  const { results } = await ctx.api(`/api/v1/default/${ctx.project}/runs?query=${encodeURIComponent(`name:${name}`)}&limit=100`);
  return results.find((r) => r.name === name);
}

/**
 * Arranges a step's own state: a service called `name` on the server, from a bundled polyaxonfile (created there, as
 * the CLI would, when an earlier step did not leave one), in one of `statuses`. Returns the run.
 */
export async function ensureService(
  ctx,
  name,
  {
    image,
    polyaxonfile = 'vscode-service.yml',
    params = { DOCKER_IMAGE: image, WORKING_DIR: '/polyaxon-v1-data' },
    statuses = ['running'],
  } = {},
) {
  let run = await serviceNamed(ctx, name);
  if (!run) {
    const component = YAML.parse(fs.readFileSync(path.join(ROOT, 'polyaxonfiles', polyaxonfile), 'utf8'));
    const values = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, { value }]));
    const content = JSON.stringify({ version: 1.1, kind: 'operation', params: values, component });
    run = await ctx.api(`/api/v1/default/${ctx.project}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, content, is_managed: true }),
    });
  }
  return waitUntil(
    async () => {
      const now = await serviceNamed(ctx, name);
      return statuses.includes(now?.status) ? now : undefined;
    },
    async () => `service ${name} is ${(await serviceNamed(ctx, name))?.status ?? 'missing'}, not ${statuses.join('/')}`,
    { timeout: 30000 },
  );
}

/**
 * Arranges a step's own state: the extension talks to the fake server (an earlier step may have pointed it at a dead
 * port). As a person would, through Configure Connection (a host typed, no token), until the view lists the
 * services with no error above them.
 */
export async function ensureFakeHost(ctx) {
  const { page } = ctx;
  await openPolyaxonView(page);
  const problem = page
    .locator('.part.sidebar')
    .getByText(/Cannot reach Polyaxon|Could not list/)
    .first();
  const services = await servicesOnServer(ctx);
  const configure = async () => {
    await runCommand(page, 'Polyaxon: Configure Connection');
    await answerQuickInput(page, ctx.fakeUrl);
    await page.locator('.quick-input-widget', { hasText: 'token' }).waitFor({ timeout: 15000 });
    await page.keyboard.press('Escape'); // no token: the host is kept
  };
  await untilEffect(
    configure,
    async () => {
      await waitForServiceRows(ctx.page, services, { timeout: 10000 });
      await waitUntil(
        async () => !(await problem.isVisible()),
        () => 'the view still shows a connection error',
        { timeout: 10000 },
      );
    },
    { name: 'point the extension at the fake server' },
  );
}

/**
 * The service page of the visible service tab, once shown: the tab loads it hidden, so that a starting service cannot
 * take the focus, and shows it on the first click (its "Show the Service Here" button). A fake VS Code page then takes
 * the focus for a few seconds, as code-server does: this waits until it is done, so the next gesture is the user's.
 */
export async function shownService(page, { timeout = 30000 } = {}) {
  const show = webviewFrame(page).locator('#show-service');
  await show.waitFor({ timeout });
  await show.click();
  const frame = webviewFrame(page).locator('iframe#service');
  await frame.waitFor({ state: 'visible', timeout: 5000 });
  const service = webviewFrame(page).frameLocator('iframe#service');
  const body = service.locator('body');
  await body.locator('> *').first().waitFor({ state: 'attached', timeout }); // loaded, not about:blank
  const attribute = (name) => body.getAttribute(name);
  const grabbing = async () => (await attribute('data-focus-tries')) !== null && (await attribute('data-focus-done')) !== 'true';
  await waitUntil(
    async () => !(await grabbing()),
    () => 'the service page kept taking the focus',
    { timeout: 40000 },
  );
  return service;
}
