import * as assert from 'assert';
import { conditionLine } from '../../../src/presentation/runWording';

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
});
