import * as assert from 'assert';
import { noLogsText } from '../../../src/operate/noLogs';
import type { StatusCondition } from '../../../src/polyaxon/types';

const condition = (type: string, reason: string, message: string): StatusCondition => ({ type, status: 'True', reason, message });
const CONNECTION_ERROR =
  'Failed to compile.\nSome Connection refs were provided but were not found in the agent.connections catalog: ' + "`{'x'}`";

describe('noLogsText', () => {
  it('says a run that failed before its container started has no logs, and why, without "deleted"', () => {
    const history = [condition('created', 'Init', 'Run is created'), condition('failed', 'SchedulerPrepare', CONNECTION_ERROR)];
    const text = noLogsText({ status: 'failed' }, history);
    assert.strictEqual(
      text,
      "No logs: it failed before its container started (this cluster has no connection 'x': " +
        'remove it from run.connections' +
        " in the polyaxonfile, or ask the cluster admin to add it to the agent's connections).",
    );
    assert.doesNotMatch(text, /deleted/);
  });

  it('tells stopped-before-starting and still-waiting runs apart', () => {
    assert.strictEqual(noLogsText({ status: 'stopped' }, []), 'No logs: it was stopped before its container started.');
    assert.strictEqual(
      noLogsText({ status: 'queued' }, [condition('queued', 'Queued', 'Run is queued')]),
      'No logs yet: it is queued and its container has not started (Queued: Run is queued).',
    );
  });

  it('for a run that did start, says that no logs were kept', () => {
    const ran = [condition('running', 'Running', 'Run is running'), condition('succeeded', 'Done', 'Run succeeded')];
    assert.match(noLogsText({ status: 'succeeded' }, ran), /^No logs were kept for this run, which is succeeded \(Done: Run succeeded\)/);
  });
});
