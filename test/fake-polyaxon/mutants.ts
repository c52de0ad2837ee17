// Known-wrong variants of the fake, for the conformance suite's mutation check: a comparison with the recordings
// that passes on one of these cannot tell a faithful fake from a wrong one. Never used outside that check.
import type { Reply } from './reply';
import type { Store } from './store';

export type FakeMutant =
  | 'stop-succeeds'
  | 'not-found-as-string'
  | 'no-list-gzip'
  // v2 mutants: what a fake built from the v1 recordings would do on v2.
  | 'condition-status-string'
  | 'hard-delete'
  | 'no-port-in-base-url';

/** A service base URL with its v2 `/{port}` segment, as it appears in a JSON answer (e.g. in a run's `content`). */
const BASE_URL_WITH_PORT = /(\/(?:rewrite-)?services\/v1\/[-_.:\w]+\/[-_.:\w]+\/[-_.:\w]+\/runs\/[0-9a-f]{32})\/\d+/g;

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
  if (mutant === 'condition-status-string') return { ...reply, body: reply.body.split('"status":true').join('"status":"True"') };
  if (mutant === 'no-port-in-base-url') return { ...reply, body: reply.body.replace(BASE_URL_WITH_PORT, '$1') };
  if (mutant === 'hard-delete' && method === 'DELETE' && reply.status === 204) {
    const m = /\/runs\/([0-9a-f]{32})\/?$/.exec(path.split('?')[0]);
    if (m) store.runs.delete(m[1]);
  }
  return reply;
}
