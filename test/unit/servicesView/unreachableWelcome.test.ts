import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PolyaxonError, type PolyaxonErrorKind } from '../../../src/polyaxon/errors';
import { failureKind, failureState } from '../../../src/runs/servicesState';

interface Welcome {
  view: string;
  contents: string;
  when: string;
}
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { viewsWelcome: Welcome[] };
};

/** The welcome texts VS Code shows for a `when` clause made only of `key == value` terms joined by `&&`. */
function shownWith(keys: Record<string, string | boolean>): string[] {
  return manifest.contributes.viewsWelcome
    .filter((w) =>
      w.when.split('&&').every((term) => {
        const [key, value] = term
          .trim()
          .split('==')
          .map((t) => t.trim());
        if (value === undefined) return key.startsWith('!') ? !keys[key.slice(1)] : keys[key] === true;
        return keys[key] === value;
      }),
    )
    .map((w) => w.contents);
}

const error = (kind: PolyaxonErrorKind) =>
  new PolyaxonError({ kind, message: kind, host: 'http://localhost:8000', method: 'GET', path: '/' });

describe('the welcome of a Polyaxon that cannot be reached', () => {
  const said: Record<string, RegExp> = {
    unreachable: /nothing answers at the host/,
    timeout: /no answer in time/,
    tls: /https/,
    notPolyaxon: /not Polyaxon's API/,
    server: /server error/,
    badResponse: /cut off or broken/,
  };
  for (const [kind, words] of Object.entries(said)) {
    it(`says why in words for ${kind}, with Retry`, () => {
      const e = error(kind as PolyaxonErrorKind);
      const state = failureState(e, 'setting');
      const text = shownWith({
        'polyaxon.loaded': true,
        'polyaxon.state': state,
        'polyaxon.failure': failureKind(e),
        'polyaxon.inCluster': true,
      }).join('\n');
      assert.match(text, words);
      assert.match(text, /command:polyaxon\.refresh/);
      assert.doesNotMatch(text, /tooltip/);
    });
  }
});
