import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PolyaxonError, type PolyaxonErrorKind } from '../../../src/polyaxon/errors';
import { InvalidHostError } from '../../../src/connection/validHost';
import { failureKind, failureState, invalidHostSource } from '../../../src/runs/servicesState';

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

describe('the welcome of a host that is not a URL', () => {
  const said: Record<string, RegExp> = {
    setting: /in the setting polyaxon\.host is not a valid URL/,
    env: /in the environment variable POLYAXON_HOST is not a valid URL.*Configure Connection sets the polyaxon\.host setting/,
    cliConfig: /The Polyaxon CLI's host .* is not a valid URL.*polyaxon config set --host/,
  };
  for (const [source, words] of Object.entries(said)) {
    it(`names where the value comes from (${source}), with Configure Connection`, () => {
      const e = new InvalidHostError('Not a URL.', source as 'setting' | 'env' | 'cliConfig');
      const text = shownWith({
        'polyaxon.loaded': true,
        'polyaxon.state': 'invalidHost',
        'polyaxon.hostSource': invalidHostSource(e) ?? '',
      });
      assert.match(text.join('\n'), words);
      assert.match(text.join('\n'), /command:polyaxon\.configureConnection/);
      assert.strictEqual(text.filter((t) => /not a valid URL/.test(t)).length, 1, text.join('\n'));
      assert.doesNotMatch(text.join('\n'), /tooltip/);
    });
  }
  it('has no source for any other failure', () => {
    assert.strictEqual(invalidHostSource(new Error('x')), undefined);
  });
});
