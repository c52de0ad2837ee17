import * as assert from 'assert';
import { formatElapsed, outcomeNotice, progressMessage } from '../../../src/launch/launchProgress';
import type { LaunchOutcome } from '../../../src/launch/launchFollower';

const CONNECTION_ERROR =
  'Failed to compile.\nSome Connection refs were provided but were not found in the agent.connections catalog: ' +
  "`{'no-such-connection'}`";

function outcome(kind: LaunchOutcome['kind'], status: string, message?: string, reason?: string): LaunchOutcome {
  return { kind, status, condition: message || reason ? { type: status, status: 'True', message, reason } : undefined };
}

describe('launch progress and outcome', () => {
  it('formats the time spent as m:ss, and h:mm:ss past an hour', () => {
    assert.strictEqual(formatElapsed(0), '0:00');
    assert.strictEqual(formatElapsed(75_400), '1:15');
    assert.strictEqual(formatElapsed(600_000), '10:00');
    assert.strictEqual(formatElapsed(3_725_000), '1:02:05');
  });

  it('shows the status and the time spent, and from 2 minutes what usually causes the wait', () => {
    const queued = { status: 'queued', condition: undefined };
    assert.strictEqual(progressMessage(queued, 45_000), 'queued · 0:45');
    assert.strictEqual(progressMessage(queued, 119_000), 'queued · 1:59');
    const slow = progressMessage(queued, 125_000);
    assert.match(slow, /^queued · 2:05 \(/);
    for (const cause of ['cluster is full', 'quota', 'agent is down']) assert.ok(slow.includes(cause), `${cause} in: ${slow}`);
    assert.strictEqual(progressMessage(undefined, 1000), 'created, waiting for the cluster · 0:01');
  });

  it('makes Stop the main action for a service still waiting, with the usual causes, and no Show Logs', () => {
    const notice = outcomeNotice(outcome('timeout', 'queued'), 'Cluster VSCode "a"', false);
    assert.deepStrictEqual(notice.actions, ['Stop Service', 'Open in Polyaxon UI']);
    assert.match(notice.message, /is not running after 10 minutes \(still queued; this usually means the cluster is full/);
    assert.strictEqual(notice.severity, 'warning');
  });

  it('offers Show Logs only once a container started', () => {
    assert.deepStrictEqual(outcomeNotice(outcome('warning', 'warning', 'Back-off pulling image', 'ImagePullBackOff'), 'S', false).actions, [
      'Stop Service',
      'Show Logs',
      'Open in Polyaxon UI',
    ]);
    assert.deepStrictEqual(outcomeNotice(outcome('failed', 'failed', 'exit 1'), 'S', true).actions, ['Show Logs', 'Open in Polyaxon UI']);
    assert.deepStrictEqual(outcomeNotice(outcome('failed', 'failed', 'exit 1'), 'S', false).actions, ['Open in Polyaxon UI']);
  });

  it('translates a missing connection, with Open Polyaxonfile first', () => {
    const notice = outcomeNotice(outcome('failed', 'failed', CONNECTION_ERROR, 'SchedulerPrepare'), 'Cluster VSCode "a"', false);
    const expected = 'Cluster VSCode "a" failed: this cluster has no connection \'no-such-connection\'';
    assert.ok(notice.message.startsWith(expected), notice.message);
    assert.doesNotMatch(notice.message, /catalog|`/);
    assert.deepStrictEqual(notice.actions, ['Open Polyaxonfile', 'Open in Polyaxon UI']);
    assert.strictEqual(notice.severity, 'error');
  });
});
