// The extension's own UI, as the steps see it: its view, its rows, and what the fake server says they should show.
import { openViewContainer, treeRows, waitUntil } from '../vscode-web/lib/workbench.mjs';

export const VIEW_CONTAINER = 'Polyaxon';

export async function openPolyaxonView(page) {
  await openViewContainer(page, VIEW_CONTAINER);   // its only view: the title reads "Polyaxon: Services"
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
  const missing = () => services.filter((s) => !rows.some((r) => rowText(r).includes(s.name.toLowerCase()) && rowText(r).includes(s.status.toLowerCase())));
  await waitUntil(async () => { rows = await treeRows(page); return missing().length === 0; }, () =>
    `no row for ${missing().map((s) => `${s.name} (${s.status})`).join(', ')}; rows: ${JSON.stringify(rows.map((r) => `${r.label} | ${r.description}`))}`,
  { timeout });
  return rows;
}
