import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { Prompts } from '../../src/workbench/vscode/windowPrompts';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { DEFAULT_TIMING } from '../../src/runs/pollTiming';
import { extension, setSettings, sleep, startFakeServer, waitFor } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const markdownIt = require('markdown-it') as new () => { render(src: string): string };
/** HTML as a CommonMark renderer makes it of a tooltip's Markdown, entities decoded. */
function renderMarkdown(text: string): string {
  return new markdownIt()
    .render(text)
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Answers every confirmation with `answer`, and records the questions. */
function answering(answer: boolean, asked: string[]): Prompts {
  return {
    confirm: async (message) => {
      asked.push(message);
      return answer;
    },
    choose: async (message) => {
      asked.push(message);
      return undefined;
    },
  };
}

describe('Services view, status bar and actions (against the fake Polyaxon)', function () {
  this.timeout(30_000);
  let api: PolyaxonTestApi;
  let server: FakePolyaxon;
  let stop: () => Promise<void>;

  before(async () => {
    api = (await extension().activate()) as PolyaxonTestApi;
    ({ server, stop } = await startFakeServer({ operator: { queuedMs: 300, startingMs: 300, stoppingMs: 300 } }));
  });
  after(async () => {
    api.prompts.current = (await import('../../src/workbench/vscode/windowPrompts')).windowPrompts;
    await stop();
  });

  it('lists the project’s services with their status, and no other kind of run', async () => {
    await api.model.refresh();
    const runs = api.model.snapshot?.projects[0].runs ?? [];
    assert.ok(runs.length >= 3, `services listed: ${runs.length}`);
    for (const run of runs) assert.strictEqual(run.kind, 'service', run.name ?? run.uuid);
    const requests = server.requests.filter((r) => r.path.includes('/runs?'));
    assert.ok(requests.length > 0, 'the refresh listed runs');
    assert.ok(
      requests.every((r) => decodeURIComponent(r.path).includes('query=kind:service')),
      'filters on the server',
    );
    assert.strictEqual(api.model.state, 'ok');
    const roots = api.services.provider.getChildren();
    assert.strictEqual(roots.length, 1);
    const children = api.services.provider.getChildren(roots[0]);
    const item = api.services.provider.getTreeItem(children[0]);
    assert.match(String(item.contextValue), /^service\+/);
  });

  it('shows counts in the status bar and follows a service from queued to running', async () => {
    const run = server.addRun('my-project-alice', { name: 'fresh-vscode', kind: 'service', status: 'queued', tags: ['vscode'] });
    await api.model.refresh();
    assert.match(api.statusBar.text, /^\$\(vm-running\) \d+ running · [1-9]\d* starting/, api.statusBar.text);
    assert.match(String(api.statusBar.tooltipSummary), /^\d+ running, [1-9]\d* starting/);
    assert.match(api.statusBar.accessibleLabel, /^Polyaxon services on http:\/\/127\.0\.0\.1:\d+: \d+ running, [1-9]\d* starting/);
    assert.doesNotMatch(api.statusBar.accessibleLabel, /\*\*|\$\(/, 'no Markdown or icon syntax read aloud');
    await waitFor(
      async () => {
        await api.model.refresh();
        return api.model.snapshot?.projects[0].runs.find((r) => r.uuid === run.uuid)?.status === 'running';
      },
      'the new service reaches running in the tree',
      15_000,
      300,
    );
    assert.match(api.statusBar.text, /\$\(vm-running\) [1-9]\d* running/, api.statusBar.text);
  });

  it('shows the reason of a failure in the row ("Failed · ImagePullBackOff")', async () => {
    const run = server.addRun('my-project-alice', { name: 'broken-image', kind: 'service', status: 'starting', tags: ['vscode'] });
    server.setStatus('my-project-alice', run.uuid, 'failed', 'ImagePullBackOff', 'Back-off pulling image "no/such:image"');
    await api.model.refresh();
    const description = await waitFor(() => {
      const project = api.services.provider.getChildren()[0];
      const node = api.services.provider.getChildren(project).find((n) => n.type === 'service' && n.run.uuid === run.uuid);
      const text = node && String(api.services.provider.getTreeItem(node).description);
      return text?.includes('ImagePullBackOff') ? text : undefined;
    }, 'the row shows the reason');
    assert.match(description, /^Failed · ImagePullBackOff · /);
  });

  it('is neutral without a project, and counts services while the view stays hidden (as at start-up)', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !api.services.treeView.visible, 'the view is hidden');
    const restore = await setSettings({ project: undefined });
    try {
      await waitFor(() => api.model.state === 'noProject', 'no project');
      assert.strictEqual(api.statusBar.text, '$(cloud) Polyaxon', 'neutral, not "not reachable"');
    } finally {
      await restore();
    }
    // A new question is read once, hidden or not, as at start-up: the status bar has counts without the view.
    const text = await waitFor(
      () => (/ running/.test(api.statusBar.text) ? api.statusBar.text : undefined),
      'the status bar counts services',
    );
    assert.match(text, /^\$\(vm-running\) \d+ running/);
    assert.ok(!api.services.treeView.visible);
  });

  it('shows server text in the tooltip as text: no live link, no break-out of the image code span', async () => {
    const name = '[click me](https://evil.example/steal)';
    const image = 'img`**bold**`:1';
    const run = server.addRun('my-project-alice', {
      name,
      kind: 'service',
      status: 'running',
      tags: ['vscode'],
      inputs: { DOCKER_IMAGE: image },
    });
    await api.model.refresh();
    const node = api.services.provider
      .getChildren(api.services.provider.getChildren()[0])
      .find((n) => n.type === 'service' && n.run.uuid === run.uuid);
    assert.ok(node, 'the service is in the tree');
    const item = await api.services.provider.resolveTreeItem(api.services.provider.getTreeItem(node), node);
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    const html = renderMarkdown(item.tooltip.value);
    assert.ok(!/<a\b/.test(html), `a live link in ${html}`);
    assert.ok(html.includes('<strong>[click me](https://evil.example/steal)</strong>'), html);
    assert.ok(html.includes('Image: <code>img`**bold**`:1</code>'), html);
  });

  it('stops a service only after the user confirms, naming it', async () => {
    const run = server.addRun('my-project-alice', { name: 'to-stop', kind: 'service', status: 'running', tags: ['vscode'] });
    const asked: string[] = [];
    api.prompts.current = answering(false, asked);
    await vscode.commands.executeCommand('polyaxon.stop', { project: 'my-project-alice', uuid: run.uuid });
    assert.match(asked[0], /to-stop/);
    assert.ok(server.requests.length > 0, 'the server saw the extension');
    assert.ok(!server.requests.some((r) => r.method === 'POST' && r.path.includes(`${run.uuid}/stop`)), 'declined: nothing sent');

    api.prompts.current = answering(true, asked);
    const stopped = await vscode.commands.executeCommand('polyaxon.stop', { project: 'my-project-alice', uuid: run.uuid });
    assert.strictEqual(stopped, true);
    await waitFor(() => server.getRun('my-project-alice', run.uuid)?.status === 'stopped', 'the service is stopped', 10_000);
  });

  it('deletes a service after a confirmation, and the tree drops it', async () => {
    const run = server.addRun('my-project-alice', { name: 'to-delete', kind: 'service', status: 'stopped', tags: ['jupyter'] });
    const asked: string[] = [];
    api.prompts.current = answering(true, asked);
    const deleted = await vscode.commands.executeCommand('polyaxon.delete', { project: 'my-project-alice', uuid: run.uuid });
    assert.strictEqual(deleted, true);
    assert.match(asked[0], /Delete .*to-delete/);
    assert.strictEqual(server.getRun('my-project-alice', run.uuid), undefined);
    await api.model.refresh();
    const listed = api.model.snapshot?.projects[0].runs ?? [];
    assert.ok(listed.length > 0, 'the other services are still listed');
    assert.ok(!listed.some((r) => r.uuid === run.uuid));
  });

  for (const command of ['polyaxon.stop', 'polyaxon.delete'] as const) {
    it(`${command}: a refresh while the confirmation is open cannot change its target`, async () => {
      const chosen = server.addRun('my-project-alice', { name: 'twin', kind: 'service', status: 'running', tags: ['vscode'] });
      await api.model.refresh();
      const project = api.services.provider.getChildren()[0];
      const node = api.services.provider.getChildren(project).find((n) => n.type === 'service' && n.run.uuid === chosen.uuid);
      assert.ok(node, 'the chosen service is in the tree');
      let newcomer = '';
      api.prompts.current = {
        confirm: async () => {
          // Meanwhile a newer service of the same name appears first in the list, and the view refreshes.
          newcomer = server.addRun('my-project-alice', { name: 'twin', kind: 'service', status: 'running', tags: ['vscode'] }).uuid;
          await api.model.refresh();
          const first = api.services.provider.getChildren(api.services.provider.getChildren()[0])[0];
          assert.ok(first.type === 'service' && first.run.uuid === newcomer, 'the tree now lists the newcomer first');
          return true;
        },
        choose: async () => undefined,
      };
      assert.strictEqual(await vscode.commands.executeCommand(command, node), true);
      const acted = server.requests.filter((r) => (r.method === 'POST' && r.path.endsWith('/stop')) || r.method === 'DELETE');
      assert.ok(acted.length > 0, 'a stop or delete was sent');
      assert.ok(acted.at(-1)?.path.includes(chosen.uuid), `acted on the chosen service: ${acted.at(-1)?.path}`);
      assert.ok(!server.requests.some((r) => r.path.includes(newcomer) && r.method !== 'GET'), 'nothing sent for the newcomer');
      assert.strictEqual(server.getRun('my-project-alice', newcomer)?.status, 'running');
    });
  }

  it('follows a service’s logs into a read-only document', async () => {
    const run = server.addRun('my-project-alice', { name: 'logs-vscode', kind: 'service', status: 'queued', tags: ['vscode'] });
    await waitFor(() => server.getRun('my-project-alice', run.uuid)?.status === 'running', 'the service runs', 10_000);
    await vscode.commands.executeCommand('polyaxon.showLogs', { project: 'my-project-alice', uuid: run.uuid });
    const doc = await waitFor(
      () =>
        vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'polyaxon-logs' && d.uri.path.includes(run.uuid) && d.lineCount > 2),
      'a logs document with lines',
      15_000,
    );
    assert.match(doc.getText(), /polyaxon-main/);
    const before = doc.lineCount;
    await waitFor(() => doc.lineCount > before, 'more lines arrive while the service runs', 15_000, 250);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('keeps the last good list and says what is wrong when the server fails', async () => {
    await api.model.refresh();
    const before = api.model.snapshot?.projects[0].runs.length;
    server.faults = { status: 502, count: 10 };
    await api.model.refresh();
    server.faults = {};
    assert.strictEqual(api.model.snapshot?.projects[0].runs.length, before);
    assert.match(String(api.services.treeView.message), /502/);
    await api.model.refresh();
    assert.strictEqual(api.services.treeView.message, undefined);
  });

  it('sends no request while the view is hidden and nothing is transitional', async function () {
    this.timeout(DEFAULT_TIMING.slowMs + 20_000);
    // Make everything steady, let one refresh see it, then watch the wire.
    for (const project of api.model.snapshot?.projects ?? []) {
      for (const run of project.runs) {
        if (!['running', 'stopped', 'failed', 'succeeded'].includes(String(run.status))) {
          server.setStatus('my-project-alice', run.uuid, 'stopped');
        }
      }
    }
    await vscode.commands.executeCommand('workbench.view.explorer');
    await api.model.refresh();
    await waitFor(() => !api.services.treeView.visible, 'the view is hidden');
    const count = server.requests.length;
    // Watch the wire for one full slow interval and a bit: a steady visible view would have polled once by then.
    await sleep(DEFAULT_TIMING.slowMs + 2_000);
    assert.deepStrictEqual(
      server.requests.slice(count).map((r) => `${r.method} ${r.path}`),
      [],
      'no request while hidden and steady',
    );
  });
});

describe('Connection settings and secrets', function () {
  this.timeout(20_000);
  let api: PolyaxonTestApi;
  let server: FakePolyaxon;
  let stop: () => Promise<void>;

  before(async () => {
    api = (await extension().activate()) as PolyaxonTestApi;
    ({ server, stop } = await startFakeServer({ operator: false }));
  });
  after(() => stop());

  it('stores the token in SecretStorage, never in settings, and sends it as `Token`', async () => {
    await vscode.commands.executeCommand('polyaxon.configureConnection', {
      host: server.url,
      token: 'sekret-123',
      project: 'my-project-alice',
    });
    assert.strictEqual(vscode.workspace.getConfiguration('polyaxon').get('host'), server.url);
    assert.strictEqual(await api.connections.hasStoredToken(server.url), true);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('polyaxon'));
    assert.ok(!settings.includes('sekret-123'), 'the token is not in the settings');
    const description = await api.connections.describe();
    assert.strictEqual(description.tokenSource, 'secretStorage');
    assert.ok(!JSON.stringify(description).includes('sekret-123'));

    const result = (await vscode.commands.executeCommand('polyaxon.testConnection', { quiet: true })) as { version: string; dist: string };
    assert.strictEqual(result.version, '1.11.3');
    assert.strictEqual(result.dist, 'ce');
    const last = server.requests.at(-1);
    assert.strictEqual(last?.headers.authorization, 'Token sekret-123');

    await vscode.commands.executeCommand('polyaxon.signOut');
    assert.strictEqual(await api.connections.hasStoredToken(server.url), false);
    await vscode.commands.executeCommand('polyaxon.testConnection', { quiet: true });
    assert.strictEqual(server.requests.at(-1)?.headers.authorization, undefined, 'no Authorization header without a token');
  });

  it('notices a host change while the view is shown and polling', async () => {
    server.addRun('my-project-alice', { name: 'stuck-one', kind: 'service', status: 'queued', tags: ['jupyter'] }, 'stuck');
    await vscode.workspace.getConfiguration('polyaxon').update('host', server.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.polyaxon');
    await waitFor(() => api.services.treeView.visible && api.model.state === 'ok', 'the view is shown with services');
    const seen = server.requests.length;
    await waitFor(() => server.requests.length > seen, 'one more poll while a service is queued', 10_000);
    await vscode.workspace.getConfiguration('polyaxon').update('host', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    await waitFor(() => api.model.state === 'unreachable', `the view says unreachable (state ${api.model.state})`, 10_000);
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('says the server is unreachable, in the view and the status bar', async () => {
    await vscode.workspace.getConfiguration('polyaxon').update('host', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    await api.model.refresh();
    assert.strictEqual(api.model.state, 'unreachable');
    assert.match(String(api.model.lastError?.message), /127\.0\.0\.1:9/);
    assert.match(api.statusBar.text, /debug-disconnect/);
  });

  it('names a mistyped host in the view and the status bar, and Refresh and Pick Service still resolve', async () => {
    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      for (const host of ['htp://localhost:8117', 'ftp://localhost:8117', 'http://']) {
        await vscode.workspace.getConfiguration('polyaxon').update('host', host, vscode.ConfigurationTarget.Global);
        await waitFor(async () => {
          await within(api.model.refresh(), 5_000, `Refresh with host ${host}`);
          return api.model.state === 'invalidHost';
        }, `the view says the host ${host} is invalid (state ${api.model.state})`);
        assert.ok(String(api.model.lastError?.message).includes(`"${host}"`), String(api.model.lastError?.message));
        assert.match(String(api.model.lastError?.message), /polyaxon\.host setting.*Configure Connection/);
        assert.strictEqual(api.statusBar.text, '$(debug-disconnect) Polyaxon: host is not a URL');
        assert.match(api.statusBar.accessibleLabel, /polyaxon\.host setting/);
        await within(Promise.resolve(vscode.commands.executeCommand('polyaxon.refresh')), 5_000, 'the Refresh command');
        await within(Promise.resolve(vscode.commands.executeCommand('polyaxon.pickService')), 5_000, 'Pick Service');
      }
      assert.deepStrictEqual(failures, [], 'no unhandled rejection');
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});

/** Fails instead of hanging when `promise` does not settle within `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not resolve within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
