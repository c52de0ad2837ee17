// The whole way of a service, launch → tree → tab → stop → delete, in the real extension host against the fake
// Polyaxon in each of its flavours: CE v1.11.3 and v2 (haupt 2.5.2 with its agent). On v2 the launch sends what the v2
// CLI sends, the run passes the agent's `scheduled`, the tab frames the service under its /{port}/ path, and a delete
// is soft (the run still reads 200 with live_state -1) yet shows as deleted at once and stays so.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { Run, RunRef } from '../../src/polyaxon/types';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { waitFor } from './helpers';
import { startLaunchFixture } from './launchFixture';

const PARAMS = { DOCKER_IMAGE: 'img:1', WORKING_DIR: '/polyaxon-v1-data' };

for (const version of ['v1', 'v2'] as const) {
  describe(`a VS Code service from launch to delete on Polyaxon ${version}`, function () {
    this.timeout(90_000);
    const project = `flow-${version}`;
    let api: PolyaxonTestApi;
    let fake: FakePolyaxon;
    let stopFixture: () => Promise<void>;

    before(async () => {
      ({ api, fake, stop: stopFixture } = await startLaunchFixture(project, { polyaxonVersion: version }));
      api.prompts.current = { confirm: () => Promise.resolve(true), choose: () => Promise.resolve(undefined) };
    });
    after(() => stopFixture());

    const listed = async () => {
      await api.model.refresh();
      return api.model.snapshot?.projects.flatMap((p) => p.runs) ?? [];
    };

    it(`launches, lists, frames, stops and deletes it (${version})`, async () => {
      // Launch: the body each version's CLI sends, and the run followed until it runs.
      const run = await vscode.commands.executeCommand<Run | undefined>('polyaxon.launchVSCode', { params: PARAMS });
      assert.strictEqual(run?.status, 'running');
      const ref: RunRef = { owner: 'default', project, uuid: run.uuid };
      const post = fake.requests.find((r) => r.method === 'POST' && r.path === `/api/v1/default/${project}/runs`);
      const body = post?.body as Record<string, unknown>;
      if (version === 'v2') assert.strictEqual(body.managed_by, 'agent', 'the v2 CLI body');
      else assert.deepStrictEqual([body.is_managed, 'managed_by' in body], [true, false], 'the v1 CLI body');
      const statuses = (await (await fetch(`${fake.url}/api/v1/default/${project}/runs/${run.uuid}/statuses`)).json()) as {
        status_conditions: { type: string; reason: string; status: unknown }[];
      };
      const conditions = statuses.status_conditions;
      // v2: the agent's `scheduled`, and a JSON boolean where v1 says "True".
      if (version === 'v2') assert.strictEqual(conditions.find((c) => c.type === 'scheduled')?.reason, 'AgentController');
      assert.deepStrictEqual([...new Set(conditions.map((c) => c.status))], [version === 'v2' ? true : 'True']);

      // Tree: the service is listed as running.
      assert.strictEqual((await listed()).find((r) => r.uuid === run.uuid)?.status, 'running');

      // Tab: frames the service at its gateway path (v2: with the port), which the gateway serves.
      await api.webviews.openInWebview(ref, run);
      const open = await waitFor(
        () => (api.webviews.panelFor(ref)?.state.kind === 'running' ? api.webviews.panelFor(ref) : undefined),
        'the tab frames the service',
      );
      const kind = (): string => open.state.kind; // read afresh: the tab's state changes under the test
      const state = open.state as { url: string };
      const servicePath = new URL(state.url).pathname;
      const expected = `/rewrite-services/v1/${version === 'v2' ? 'polyaxon' : 'polyaxon-v1'}/default/${project}/runs/${run.uuid}/${version === 'v2' ? '8080/' : ''}`;
      assert.strictEqual(servicePath, expected);
      const page = await fetch(`${fake.url}${servicePath}`);
      assert.strictEqual(page.status, 200);
      assert.match(await page.text(), new RegExp(`data-run-uuid="${run.uuid}"`));

      // Stop: the tab says stopping at once, the operator's finalizer ends it, the tree follows.
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('polyaxon.stop', ref), true);
      assert.strictEqual(kind(), 'waiting');
      await waitFor(() => fake.getRun(project, run.uuid)?.status === 'stopped', 'the run is stopped', 15_000);
      await waitFor(async () => (await listed()).find((r) => r.uuid === run.uuid)?.status === 'stopped', 'the tree shows it stopped');

      // Delete: shown at once; v1 forgets the run, v2 keeps it readable with live_state -1 (a soft delete).
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('polyaxon.delete', ref), true);
      assert.strictEqual(kind(), 'deleted');
      if (version === 'v2') assert.strictEqual((fake.getRun(project, run.uuid) as { live_state?: number } | undefined)?.live_state, -1);
      else assert.strictEqual(fake.getRun(project, run.uuid), undefined);
      assert.ok(!(await listed()).some((r) => r.uuid === run.uuid), 'the tree drops it');
      // A reload reads the run again: on v2 it answers 200 (live_state -1), which must still read as deleted.
      await open.act('reload');
      assert.strictEqual(kind(), 'deleted', open.html());
      await open.act('close');
    });

    it(`shows a service deleted elsewhere as deleted, in its tab and in the tree (${version})`, async () => {
      const run = fake.addRun(project, { name: 'vscode-deleted-elsewhere', kind: 'service', status: 'running', tags: ['vscode'] });
      const ref: RunRef = { owner: 'default', project, uuid: run.uuid };
      await api.webviews.openInWebview(ref, run);
      const framing = () => (api.webviews.panelFor(ref)?.state.kind === 'running' ? api.webviews.panelFor(ref) : undefined);
      const open = await waitFor(framing, 'the tab frames the service');
      // Someone else (the CLI, the Polyaxon UI) deletes it: v1 answers 404 from then on, v2 200 with live_state -1.
      assert.strictEqual((await fetch(`${fake.url}/api/v1/default/${project}/runs/${run.uuid}`, { method: 'DELETE' })).status, 204);
      // The tab follows the run store, which reads a settled run again at its next slow poll (30 s).
      await waitFor(() => open.state.kind === 'deleted', 'the tab shows the run deleted', 45_000);
      assert.ok(!(await listed()).some((r) => r.uuid === run.uuid), 'the tree drops it');
      await open.act('close');
    });
  });
}
