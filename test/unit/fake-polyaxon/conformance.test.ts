// The fake server against real Polyaxon servers: CE v1.11.3 (recorded/) and v2 (haupt 2.5.2 with its agent,
// recorded-v2/). Every recording is replayed in the order it was made against the fake in the matching flavour, and
// the fake must answer with the same status, content type, compression, value types, list lengths, and the same values
// where the extension reads them (statuses, condition types, reasons and `status`, meta_info, live_state, service base
// URLs, error bodies). Then known-wrong variants of the fake (mutants) are replayed too: the comparison must catch
// each, or it proves nothing.
import * as assert from 'assert';
import { startFakePolyaxon, type FakeMutant, type FakeOptions } from '../../fake-polyaxon/server';
import { RECORDED, RECORDED_V2, loadRecordings } from './recordings';
import { Replayer, type ReplayOptions } from './replay';

interface Version {
  title: string;
  dir: string;
  fake: FakeOptions;
  replay: ReplayOptions;
  mutants: { mutant: FakeMutant; caughtBy: RegExp }[];
}

const VERSIONS: Version[] = [
  {
    title: 'CE v1.11.3',
    dir: RECORDED,
    fake: { polyaxonVersion: 'v1' },
    replay: {},
    mutants: [
      { mutant: 'stop-succeeds', caughtBy: /after-stop/ },
      { mutant: 'not-found-as-string', caughtBy: /missing-404|after-delete/ },
      { mutant: 'no-list-gzip', caughtBy: /^runs-list|^projects-list/ },
    ],
  },
  {
    title: 'v2 (haupt 2.5.2)',
    dir: RECORDED_V2,
    // The agent acts 1 s after a change: long after the "right after create" GETs, well within the replay's wait.
    fake: { polyaxonVersion: 'v2', agentMs: 1000 },
    replay: { agentWaitMs: 5000 },
    mutants: [
      { mutant: 'condition-status-string', caughtBy: /^run-statuses\./ },
      { mutant: 'hard-delete', caughtBy: /after-delete/ },
      { mutant: 'no-port-in-base-url', caughtBy: /^run-create\.(jupyter|vscode\.base-url-probe)/ },
      { mutant: 'no-list-gzip', caughtBy: /^runs-list|^projects-list/ },
    ],
  },
];

for (const version of VERSIONS) {
  const recordings = loadRecordings(version.dir);

  describe(`fake Polyaxon conformance with the ${version.title} recordings`, function () {
    this.timeout(60_000);
    before(function () {
      if (recordings.length === 0) {
        console.log(`    skipped: ${version.dir} is not available (the recordings live beside the repository, not in it)`);
        this.skip();
      }
    });

    describe('the fake answers as the real server did', () => {
      let close: () => Promise<void>;
      let replayer: Replayer;
      before(async () => {
        const fake = await startFakePolyaxon({ ...version.fake, seed: 'empty', operator: false });
        close = () => fake.close();
        replayer = new Replayer(fake.url, version.replay);
      });
      after(() => close?.());

      for (const rec of recordings) {
        it(rec.file, async () => {
          assert.deepStrictEqual(await replayer.replay(rec), []);
        });
      }
    });

    describe('the comparison rejects known-wrong fakes', () => {
      for (const { mutant, caughtBy } of version.mutants) {
        it(`catches the mutant "${mutant}"`, async () => {
          const fake = await startFakePolyaxon({ ...version.fake, seed: 'empty', operator: false, mutant });
          const failing: string[] = [];
          try {
            const replayer = new Replayer(fake.url, version.replay);
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
}
