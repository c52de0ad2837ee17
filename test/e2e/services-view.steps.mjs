import { openPolyaxonView, servicesOnServer, waitForServiceRows } from './polyaxon-ui.mjs';

export const servicesView = {
  name: 'Services view lists the demo services with their status',
  screenshot: 'services-view',
  async run(ctx) {
    await openPolyaxonView(ctx.page);
    const services = await servicesOnServer(ctx);
    if (services.length < 2) throw new Error(`the demo seed should have services, the server lists ${services.length}`);
    await waitForServiceRows(ctx.page, services);
  },
};
