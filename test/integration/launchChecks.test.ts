// The launch form checks first, in the real extension host against the fake Polyaxon: an unreachable server is
// one clear error and no steps; a missing project is offered inline; an active service of the same kind is the
// form's first question.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { Run } from '../../src/polyaxon/types';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { setSettings, waitFor } from './helpers';
import { startLaunchFixture } from './launchFixture';

const PROJECT = 'check-tests';

describe('launch form: checks before the steps', function () {
  this.timeout(40_000);
  let api: PolyaxonTestApi;
  let fake: FakePolyaxon;
  let stopFixture: () => Promise<void>;
  const said: { message: string; actions: readonly string[] }[] = [];
  let answer: (message: string) => string | undefined = () => undefined;

  const runPosts = (project: string) =>
    fake.requests.filter((r) => r.method === 'POST' && new RegExp(`/${project}/runs/?$`).test(r.path)).length;

  /** Repeats a quick-input gesture until the launch settles (the input may not be showing yet). */
  async function until(launching: Thenable<Run | undefined>, gesture: string, what: string): Promise<Run | undefined> {
    let settled = false;
    const done = Promise.resolve(launching).finally(() => (settled = true));
    await waitFor(
      async () => {
        if (!settled) await vscode.commands.executeCommand(gesture);
        return settled;
      },
      what,
      15_000,
      250,
    );
    return done;
  }

  before(async () => ({ api, fake, stop: stopFixture } = await startLaunchFixture(PROJECT)));
  after(() => stopFixture());
  beforeEach(() => {
    said.length = 0;
    fake.requests.length = 0;
    answer = () => undefined;
    api.prompts.current = {
      confirm: async () => false,
      choose: async <T extends string>(message: string, actions: readonly T[]) => {
        said.push({ message, actions });
        return answer(message) as T | undefined;
      },
    };
  });

  it('with Polyaxon unreachable: one error with Configure Connection and Retry, and no step', async () => {
    await fake.refuseConnections();
    try {
      // The command settles only if no step of the form waits for the user.
      const run = await vscode.commands.executeCommand<Run | undefined>('polyaxon.launchVSCode');
      assert.strictEqual(run, undefined);
    } finally {
      await fake.acceptConnections();
    }
    assert.strictEqual(said.length, 1, said.map((s) => s.message).join(' | '));
    assert.match(said[0].message, /Nothing was launched/);
    assert.deepStrictEqual(said[0].actions, ['Configure Connection', 'Retry']);
  });

  it('offers to create a missing project before the steps, then opens the form in it', async () => {
    const restore = await setSettings({ project: 'brand-new' });
    answer = (message) => (/Project "brand-new" does not exist/.test(message) ? 'Create Project' : undefined);
    try {
      const launching = vscode.commands.executeCommand<Run | undefined>('polyaxon.launchVSCode');
      await waitFor(() => fake.requests.some((r) => r.method === 'POST' && r.path.includes('/projects/create')), 'the project was created');
      assert.strictEqual(await until(launching, 'workbench.action.closeQuickOpen', 'the form opened and was dismissed'), undefined);
    } finally {
      await restore();
    }
    assert.match(said[0].message, /does not exist/);
    assert.deepStrictEqual(said[0].actions, ['Create Project', 'Select Project']);
    assert.strictEqual(runPosts('brand-new'), 0, 'a dismissed form launches nothing');
  });

  it('asks first about a running service of the same kind, and opens it instead of launching', async () => {
    const active = fake.addRun(PROJECT, { name: 'vscode-someone-1', kind: 'service', tags: ['vscode'], status: 'running' });
    const launching = vscode.commands.executeCommand<Run | undefined>('polyaxon.launchVSCode');
    // The first item of the first step is "Open the running one".
    const run = await until(launching, 'workbench.action.acceptSelectedQuickOpenItem', 'the first step was answered');
    assert.strictEqual(run?.uuid, active.uuid);
    assert.strictEqual(runPosts(PROJECT), 0);
    assert.deepStrictEqual(said, [], 'no toast: the question is a step of the form');
  });
});
