// Service tabs that tell the truth (issue 13, item 9), in the real extension host against two fake Polyaxon servers:
// a tab stays with the host it came from, shows Stop and Delete as soon as the command succeeds, and offers Close and
// Launch Again once its service is gone.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { Run, RunRef } from '../../src/polyaxon/types';
import type { OpenServicePanel } from '../../src/serviceTab/vscode/serviceWebview';
import { startFakePolyaxon, type FakePolyaxon } from '../fake-polyaxon/server';
import { waitFor } from './helpers';
import { startLaunchFixture } from './launchFixture';

const PROJECT = 'tab-truth';
const IMAGE = 'asia.gcr.io/my-gcp-project/vscode-server:0.1.0';

describe('service tabs that tell the truth', function () {
  this.timeout(60_000);
  let api: PolyaxonTestApi;
  let fake: FakePolyaxon;
  let stopFixture: () => Promise<void>;
  const opened: RunRef[] = [];

  before(async () => {
    // operator: false: a status changes only when the server is told (a stop leaves the run `stopping`).
    ({ api, fake, stop: stopFixture } = await startLaunchFixture(PROJECT, { operator: false }));
    api.prompts.current = { confirm: () => Promise.resolve(true), choose: () => Promise.resolve(undefined) };
  });

  after(async () => {
    for (const ref of opened) api.webviews.panelFor(ref)?.panel.dispose();
    await stopFixture();
  });

  async function openRunning(name: string): Promise<{ run: Run; ref: RunRef; open: OpenServicePanel }> {
    const inputs = { DOCKER_IMAGE: IMAGE, WORKING_DIR: '/polyaxon-v1-data' };
    const run = fake.addRun(PROJECT, { name, kind: 'service', status: 'running', inputs });
    const ref = { owner: 'default', project: PROJECT, uuid: run.uuid };
    opened.push(ref);
    await api.webviews.openInWebview(ref, run);
    const framing = () => api.webviews.panelFor(ref)?.state.kind === 'running';
    const open = await waitFor(() => (framing() ? api.webviews.panelFor(ref) : undefined), 'the tab frames the service');
    return { run, ref, open };
  }

  async function listRuns(): Promise<Run[]> {
    const res = await fetch(`${fake.url}/api/v1/default/${PROJECT}/runs?limit=100`);
    return ((await res.json()) as { results: Run[] }).results;
  }

  /** API requests about the run (the frame's own page loads are the browser's, without our token). */
  const requestsFor = (server: FakePolyaxon, ref: RunRef) =>
    server.requests.filter((r) => r.path.startsWith('/api/') && r.path.includes(ref.uuid));
  const actions = (open: OpenServicePanel) => [...open.html().matchAll(/data-action="(\w+)"/g)].map((m) => m[1]);

  it('says a tab belongs to the other host after the host changed, asks neither host about it, and switches back', async () => {
    const { ref, open } = await openRunning('vscode-host-a');
    const other = await startFakePolyaxon({ seed: 'empty' });
    try {
      await vscode.workspace.getConfiguration('polyaxon').update('host', other.url, vscode.ConfigurationTarget.Global);
      const moved = await waitFor(() => (open.state.kind === 'otherHost' ? open : undefined), 'the tab notices the host change');
      assert.deepStrictEqual(moved.state, { kind: 'otherHost', host: fake.url, current: other.url });
      const html = moved.html();
      assert.ok(html.includes(`This service is on <b>${fake.url}</b>; the extension is now connected to <b>${other.url}</b>`), html);
      assert.doesNotMatch(html, /deleted|<iframe/);
      assert.deepStrictEqual(actions(moved), ['switchHost', 'close']);
      // A reload on the other host asks nobody: the new host's token never goes with this run, nor this one's there.
      const before = requestsFor(fake, ref).length;
      await open.act('reload');
      assert.strictEqual(open.state.kind, 'otherHost');
      assert.deepStrictEqual(requestsFor(other, ref), []);
      assert.strictEqual(requestsFor(fake, ref).length, before);

      await open.act('switchHost');
      assert.strictEqual(vscode.workspace.getConfiguration('polyaxon').get('host'), fake.url);
      await waitFor(() => open.state.kind === 'running', 'the tab frames the service again once its host is back');
    } finally {
      await vscode.workspace.getConfiguration('polyaxon').update('host', fake.url, vscode.ConfigurationTarget.Global);
      await other.close();
    }
  });

  it('shows "stopping" as soon as Stop succeeds, not at the next status check', async () => {
    const { ref, open } = await openRunning('vscode-stop-me');
    const stopped = await vscode.commands.executeCommand<boolean>('polyaxon.stop', ref);
    assert.strictEqual(stopped, true);
    // No waiting: the command's success is what the tab shows.
    assert.deepStrictEqual(open.state, { kind: 'waiting', status: 'stopping' });
    assert.match(open.html(), /is <b>stopping<\/b>/);
    assert.doesNotMatch(open.html(), /<iframe/);
    // The server's stale "running" (read before the stop took effect) cannot bring the frame back.
    fake.setStatus(PROJECT, ref.uuid, 'running');
    await open.act('reload');
    assert.strictEqual(open.state.kind, 'waiting');
    fake.setStatus(PROJECT, ref.uuid, 'stopped');
    const showsStopped = () => open.state.kind === 'ended' && /is <b>stopped/.test(open.html());
    const ended = await waitFor(() => (showsStopped() ? open : undefined), 'the tab shows the run stopped', 15_000);
    assert.deepStrictEqual(actions(ended), ['reload', 'restart', 'launchAgain', 'close']);
  });

  it('shows a deleted service at once, and Launch Again starts the same kind with the same parameters', async () => {
    const { ref, open } = await openRunning('vscode-delete-me');
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('polyaxon.delete', ref), true);
    assert.strictEqual(open.state.kind, 'deleted');
    assert.deepStrictEqual(actions(open), ['launchAgain', 'close']);

    const runPosts = () => fake.requests.filter((r) => r.method === 'POST' && /\/runs\/?$/.test(r.path));
    const postsBefore = runPosts().length;
    const launching = open.act('launchAgain');
    const posts = await waitFor(() => (runPosts().length > postsBefore ? runPosts() : undefined), 'Launch Again creates a run');
    assert.strictEqual(posts.length, postsBefore + 1);
    // The launch follows the new run until it runs (this fake's runs move only when told).
    const isNew = (r: Run) => !opened.some((o) => o.uuid === r.uuid);
    const created = await waitFor(async () => (await listRuns()).find(isNew), 'the new run is listed');
    assert.strictEqual(created.kind, 'service');
    fake.setStatus(PROJECT, created.uuid, 'running');
    await launching;
    const body = posts[posts.length - 1].body as { content: string };
    const content = JSON.parse(body.content) as { params: Record<string, { value: unknown }> };
    assert.strictEqual(content.params.DOCKER_IMAGE?.value, IMAGE);
    assert.strictEqual(content.params.WORKING_DIR?.value, '/polyaxon-v1-data');

    await open.act('close');
    assert.strictEqual(api.webviews.panelFor(ref), undefined);
  });
});
