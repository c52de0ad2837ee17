import * as assert from 'assert';
import { serviceRowText, statusReason } from '../../../src/servicesView/serviceRow';

describe('service row text', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');

  it('puts the reason of a failure between the status and the age', () => {
    const row = serviceRowText(
      { uuid: 'u', name: 'vscode-1', status: 'failed', finished_at: '2026-11-30T11:57:00Z' },
      { isCurrent: false, reason: 'ImagePullBackOff', now },
    );
    assert.strictEqual(row.description, 'Failed · ImagePullBackOff · 3m ago');
    assert.strictEqual(row.accessibility, 'vscode-1, Failed, ImagePullBackOff');
  });

  it("takes the reason from the current status's condition only, for failures and warnings", () => {
    const conditions = [
      { type: 'queued', reason: 'Queued', message: 'queued' },
      { type: 'failed', reason: 'ImagePullBackOff', message: 'Back-off pulling image' },
    ];
    assert.strictEqual(statusReason('failed', conditions), 'ImagePullBackOff');
    assert.strictEqual(
      statusReason('warning', [{ type: 'warning', reason: '', message: 'Back-off pulling image\nline 2' }]),
      'Back-off pulling image',
    );
    assert.strictEqual(statusReason('running', [{ type: 'running', reason: 'Running' }]), undefined);
    assert.strictEqual(statusReason('failed', [{ type: 'queued', reason: 'Queued' }]), undefined, 'an older condition is not the reason');
  });

  it("says a compile failure in plain words, not the scheduler's reason or the compiler's text", () => {
    const failed = {
      type: 'failed',
      reason: 'SchedulerPrepare',
      message: "Failed to compile.\nCompilation Error: Received unexpected params `{'NOT_AN_INPUT'}`",
    };
    assert.strictEqual(statusReason('failed', [failed]), "unexpected param 'NOT_AN_INPUT'");
  });
});
