// The fake server against a real Polyaxon CE v1.11.3: every recording is replayed in the order it was made, and the
// fake must answer with the same status, content type, compression, value types, list lengths, and the same values
// where the extension reads them (statuses, condition types and reasons, meta_info, error bodies). Then known-wrong
// variants of the fake (mutants) are replayed too: the comparison must catch each, or it proves nothing.
import * as assert from 'assert';
import { startFakePolyaxon, type FakeMutant } from '../../fake-polyaxon/server';
import { RECORDED, loadRecordings } from './recordings';
import { Replayer } from './replay';

const recordings = loadRecordings();

describe('fake Polyaxon conformance with the CE v1.11.3 recordings', function () {
  before(function () {
    if (recordings.length === 0) {
      console.log(`    skipped: ${RECORDED} is not available (the recordings live beside the repository, not in it)`);
      this.skip();
    }
  });

  describe('the fake answers as the real server did', () => {
    let close: () => Promise<void>;
    let replayer: Replayer;
    before(async () => {
      const fake = await startFakePolyaxon({ seed: 'empty', operator: false });
      close = () => fake.close();
      replayer = new Replayer(fake.url);
    });
    after(() => close?.());

    for (const rec of recordings) {
      it(rec.file, async () => {
        assert.deepStrictEqual(await replayer.replay(rec), []);
      });
    }
  });

  describe('the comparison rejects known-wrong fakes', () => {
    const mutants: { mutant: FakeMutant; caughtBy: RegExp }[] = [
      { mutant: 'stop-succeeds', caughtBy: /after-stop/ },
      { mutant: 'not-found-as-string', caughtBy: /missing-404|after-delete/ },
      { mutant: 'no-list-gzip', caughtBy: /^runs-list|^projects-list/ },
    ];
    for (const { mutant, caughtBy } of mutants) {
      it(`catches the mutant "${mutant}"`, async () => {
        const fake = await startFakePolyaxon({ seed: 'empty', operator: false, mutant });
        const failing: string[] = [];
        try {
          const replayer = new Replayer(fake.url);
          for (const rec of recordings) if ((await replayer.replay(rec)).length > 0) failing.push(rec.file);
        } finally {
          await fake.close();
        }
        assert.ok(failing.length > 0, `no recording tells the mutant "${mutant}" from the real server`);
        assert.ok(
          failing.some((f) => caughtBy.test(f)),
          `caught only by unrelated recordings: ${failing.join(', ')}`,
        );
      });
    }
  });
});
