// Known-wrong variants of the fake, for the conformance suite's mutation check: a comparison with the recordings
// that passes on one of these cannot tell a faithful fake from a wrong one. Never used outside that check.
import type { Reply } from './reply';
import type { Store } from './store';

export type FakeMutant = 'stop-succeeds' | 'not-found-as-string' | 'no-list-gzip';

/** Applies `mutant` to a reply the faithful fake built for `method path`. */
export function mutate(
  mutant: FakeMutant | undefined,
  method: string,
  path: string,
  reply: Reply,
  store: Store,
  project: () => string | undefined,
): Reply {
  if (mutant === 'stop-succeeds' && method === 'POST' && reply.status === 200) {
    const m = /\/runs\/([0-9a-f]{32})\/stop\/?$/.exec(path.split('?')[0]);
    const rec = m ? store.find(project() ?? '', m[1]) : undefined;
    if (rec) store.transition(rec, 'succeeded', 'StateManager', 'Run succeeded');
  }
  if (mutant === 'not-found-as-string' && reply.status === 404 && reply.body.includes('Not found.')) {
    return { ...reply, body: JSON.stringify('nothing here') };
  }
  if (mutant === 'no-list-gzip') return { ...reply, gzip: false };
  return reply;
}
