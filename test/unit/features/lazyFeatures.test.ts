import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FEATURE_COMMANDS, type FeatureName } from '../../../src/features/vscode/featureCommands';

// Issue 21 item 6, on the built bundles (`node esbuild.mjs` runs before the unit suite): activation loads the core
// only; a feature's first command loads its file, whose commands take the stubs' place; and the core and the
// features share one instance of every module, so that the core still recognises a feature's errors by class.
const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[] };
};

interface Probe {
  atActivation: string[];
  loaded: string[];
  commands: string[];
  replaced: string[];
  errors: { message: string; actions: unknown[] }[];
}

const probe = (env: NodeJS.ProcessEnv, ...args: string[]): Probe =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(__dirname, 'lazyProbe.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } }),
  ) as Probe;

const VENDORS = ['axios.js', 'yaml.js'];
const features = (Object.keys(FEATURE_COMMANDS) as FeatureName[]).filter((name) => FEATURE_COMMANDS[name].length > 0);

describe('features loaded on first use (the built bundles)', function () {
  this.timeout(60_000);
  const activated = probe({});

  it('activation loads dist/extension.js alone, and every contributed command is there', () => {
    assert.deepStrictEqual(activated.atActivation, ['extension.js']);
    assert.deepStrictEqual(activated.commands, manifest.contributes.commands.map((c) => c.command).sort());
  });

  for (const name of features) {
    const [first] = FEATURE_COMMANDS[name] as readonly string[];
    it(`the first ${first} loads dist/feature-${name}.js, whose commands replace exactly its stubs`, () => {
      const after = probe({}, first);
      const own = after.loaded.filter((f) => !VENDORS.includes(f) && f !== 'feature-common.js' && f !== 'extension.js');
      assert.deepStrictEqual(own, [`feature-${name}.js`]);
      assert.deepStrictEqual(after.replaced, [...FEATURE_COMMANDS[name]].sort());
      assert.deepStrictEqual(after.commands, activated.commands);
    });
  }

  it("a feature recognises the core's errors by their class: an unreachable host offers Configure Connection", () => {
    // The client (dist/extension.js) throws PolyaxonError; the command's error report (in a feature file) tells its
    // kind with `instanceof`. With a second copy of the class in the feature file, it would offer Show Log alone.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lazy-features-'));
    const after = probe({ POLYAXON_HOST: 'http://127.0.0.1:9', HOME: home }, 'polyaxon.testConnection');
    assert.ok(after.loaded.includes('feature-connection.js'), after.loaded.join(', '));
    assert.deepStrictEqual(
      after.errors.map((e) => [e.message.replace(/:.*/s, ''), e.actions.filter((a) => typeof a === 'string')]),
      [['Polyaxon', ['Configure Connection', 'Show Log']]],
    );
  });
});
