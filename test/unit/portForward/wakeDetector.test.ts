import * as assert from 'assert';
import { WakeDetector } from '../../../src/portForward/wakeDetector';
import { FakeClock } from './fakes';

describe('WakeDetector', () => {
  it('ticks every 5 s, tolerates a busy loop, and reports a long timer gap as a wake-up', async () => {
    const clock = new FakeClock();
    const events: string[] = [];
    const detector = new WakeDetector(
      clock,
      () => events.push('tick'),
      (gap) => events.push(`wake ${gap}`),
    );
    detector.start();
    await clock.advance(10_000);
    clock.sleep(12_000); // a tick 12 s late: a busy machine, not a sleep
    await clock.advance(0);
    clock.sleep(600_000);
    await clock.advance(0);
    detector.stop();
    await clock.advance(60_000);
    assert.deepStrictEqual(events, ['tick', 'tick', 'tick', 'wake 600000']);
  });
});
