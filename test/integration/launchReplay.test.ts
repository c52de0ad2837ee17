// A launch that a real Polyaxon fails at compile time, replayed: the fake server's scheduler fails the new run with
// the message a real server wrote (../shared/polyaxon/recorded*/run-statuses.unknown-*.failed.json, read now), and
// answers its statuses slowly, so that the Services list sees the run failed before the follower reads why, as it
// happened against the real API. The notice, the row and its tooltip must still say why in plain words.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { Run, StatusCondition } from '../../src/polyaxon/types';
import type { Prompts } from '../../src/workbench/vscode/windowPrompts';
import type { FakePolyaxon } from '../fake-polyaxon/server';
import { requireShared, SHARED_POLYAXON } from '../unit/sharedFacts';
import { REPO_ROOT, waitFor } from './helpers';
import { startLaunchFixture } from './launchFixture';

const PROJECT = 'replay-tests';
const PARAMS = { DOCKER_IMAGE: 'img:1', WORKING_DIR: '/polyaxon-v1-data' };

interface Replay {
  recording: string;
  /** What the notice must say instead of the compiler's text. */
  says: RegExp;
  /** What the row says after "Failed · ". */
  row: string;
}

const REPLAYS: Replay[] = ['recorded', 'recorded-v2'].flatMap((folder) => [
  {
    recording: `${folder}/run-statuses.unknown-connection.failed.json`,
    says: /failed: this cluster has no connection 'no-such-connection': remove it from run\.connections/,
    row: "no connection 'no-such-connection'",
  },
  {
    recording: `${folder}/run-statuses.unknown-param.failed.json`,
    says: /failed: the polyaxonfile's component has no input for the param 'NOT_AN_INPUT': remove it from params/,
    row: "unexpected param 'NOT_AN_INPUT'",
  },
]);

/** The `failed` condition of a recorded statuses answer; the test skips, saying so, where ../shared is not beside this clone. */
function recordedFailure(ctx: Mocha.Context, recording: string): StatusCondition | undefined {
  requireShared(ctx, recording);
  const file = path.join(SHARED_POLYAXON, recording);
  const body = (JSON.parse(fs.readFileSync(file, 'utf8')) as { response: { body: { status_conditions: StatusCondition[] } } }).response
    .body;
  return body.status_conditions.find((c) => c.type === 'failed');
}

interface Asked {
  message: string;
  actions: readonly string[];
}

function answering(asked: Asked[], answer: string): Prompts {
  return {
    confirm: async (message) => (asked.push({ message, actions: [] }), false),
    choose: async <T extends string>(message: string, actions: readonly T[]) => {
      asked.push({ message, actions });
      return actions.find((a) => a === answer);
    },
  };
}

describe('a launch the real server fails at compile time (recorded answers replayed)', function () {
  this.timeout(60_000);
  let api: PolyaxonTestApi;
  let fake: FakePolyaxon;
  let stopFixture: () => Promise<void>;

  before(async () => {
    ({ api, fake, stop: stopFixture } = await startLaunchFixture(PROJECT));
    // Visible, the Services view lists the project right after the create, as it did in the walkthrough.
    await vscode.commands.executeCommand('polyaxon.services.focus');
  });
  after(async () => {
    fake.schedulerFailure = undefined;
    fake.faults = {};
    await stopFixture();
  });

  for (const replay of REPLAYS) {
    it(`says why, offers Open Polyaxonfile and shows a readable row: ${replay.recording}`, async function () {
      const failed = recordedFailure(this, replay.recording);
      assert.ok(failed?.message, 'the recording has a failed condition with its message');
      fake.schedulerFailure = failed.message;
      fake.faults = { latencyMs: 1500, match: /\/statuses$/ };
      const asked: Asked[] = [];
      api.prompts.current = answering(asked, 'Open Polyaxonfile');
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? REPO_ROOT;
      const file = path.join(folder, 'replayed-service.yml');
      fs.copyFileSync(path.join(REPO_ROOT, 'polyaxonfiles', 'vscode-service.yml'), file);
      try {
        const args = { polyaxonfile: file, params: PARAMS, project: PROJECT };
        const run = await vscode.commands.executeCommand<Run | undefined>('polyaxon.launchFromPolyaxonfile', args);
        assert.strictEqual(run?.status, 'failed');
        const notice = await waitFor(() => asked.find((a) => a.actions.length > 0), 'the outcome is shown', 10_000);
        assert.match(notice.message, replay.says);
        assert.doesNotMatch(
          notice.message,
          /catalog|Compilation Error|SchedulerPrepare|`/,
          `none of the compiler's raw text: ${notice.message}`,
        );
        assert.strictEqual(notice.actions[0], 'Open Polyaxonfile');
        await waitFor(() => (vscode.window.activeTextEditor?.document.uri.fsPath === file ? true : undefined), 'the polyaxonfile opens');

        const node = await waitFor(() => {
          const project = api.services.provider.getChildren()[0];
          const found = api.services.provider.getChildren(project).find((n) => n.type === 'service' && n.run.uuid === run.uuid);
          return found && String(api.services.provider.getTreeItem(found).description).includes(replay.row) ? found : undefined;
        }, `the row says "Failed · ${replay.row}"`);
        assert.match(String(api.services.provider.getTreeItem(node).description), new RegExp(`^Failed · ${replay.row}`));
        const item = await api.services.provider.resolveTreeItem(api.services.provider.getTreeItem(node), node);
        const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip);
        assert.match(tooltip, /Last status: (this cluster has no connection|the polyaxonfile\\?'s component has no input)/);
        assert.doesNotMatch(tooltip, /catalog|Compilation Error|SchedulerPrepare/, `no raw compiler text in the tooltip: ${tooltip}`);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        fs.rmSync(file, { force: true });
        fake.faults = {};
      }
    });
  }
});
