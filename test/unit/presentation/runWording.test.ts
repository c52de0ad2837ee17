import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { conditionLine } from '../../../src/presentation/runWording';
import type { StatusCondition } from '../../../src/polyaxon/types';
import { requireShared, SHARED_POLYAXON } from '../sharedFacts';

/**
 * The conditions a real Polyaxon (CE 1.11.3 in recorded/, 2.5.2 in recorded-v2/) wrote for a stopped VS Code; the
 * test skips, saying so, where ../shared is not beside this clone.
 */
function recordedConditions(ctx: Mocha.Context, folder: string): StatusCondition[] {
  requireShared(ctx, `${folder}/run-statuses.vscode.stopped.json`);
  const full = path.join(SHARED_POLYAXON, folder, 'run-statuses.vscode.stopped.json');
  const recording = JSON.parse(fs.readFileSync(full, 'utf8')) as { response: { body: { status_conditions: StatusCondition[] } } };
  return recording.response.body.status_conditions;
}

describe('conditionLine', () => {
  it("joins Polyaxon's reason and message on one line", () => {
    assert.strictEqual(conditionLine({ reason: 'ImagePullBackOff', message: 'Back-off\npulling' }), 'ImagePullBackOff: Back-off pulling');
    assert.strictEqual(conditionLine(undefined), '');
  });

  it("says a compile failure in plain words, without the scheduler's reason or the compiler's text", () => {
    const line = conditionLine({
      reason: 'SchedulerPrepare',
      message: "Failed to compile.\nCompilation Error: Received unexpected params `{'NOT_AN_INPUT'}`",
    });
    assert.match(line, /^the polyaxonfile's component has no input for the param 'NOT_AN_INPUT'/);
    assert.doesNotMatch(line, /SchedulerPrepare|Compilation Error|`/);
  });

  for (const folder of ['recorded', 'recorded-v2']) {
    it(`says the stop of a real Polyaxon (${folder}) in plain words, without its internals' names`, function () {
      const conditions = recordedConditions(this, folder);
      const stopped = conditions.find((c) => c.type === 'stopped');
      const stopping = conditions.find((c) => c.type === 'stopping');
      assert.strictEqual(stopped?.reason, 'OperatorFinalizer', 'the recording is the raw condition');
      assert.strictEqual(conditionLine(stopped), 'Stopped: the service was shut down and its pod removed.');
      assert.strictEqual(conditionLine(stopping), 'Stopping: someone asked for it to stop.');
      // The short form of the launch's progress passes the message alone.
      assert.strictEqual(conditionLine({ message: stopped?.message }), 'Stopped: the service was shut down and its pod removed.');
    });
  }

  it('keeps any other line as Polyaxon wrote it', () => {
    assert.strictEqual(
      conditionLine({ reason: 'OperatorController', message: 'Operation is running' }),
      'OperatorController: Operation is running',
    );
    assert.strictEqual(conditionLine({ reason: 'X', message: 'constructor' }), 'X: constructor');
  });
});
