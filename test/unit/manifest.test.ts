import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_IDS } from '../../src/commands/commandIds';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('package.json', () => {
  const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);

  it('contributes every command of the typed list, and nothing else', () => {
    const typed = new Set<string>(COMMAND_IDS);
    assert.ok(contributed.length > 0 && typed.size > 0);
    assert.deepStrictEqual(contributed.filter((id) => !typed.has(id)), [], 'in package.json but not in commandIds.ts');
    assert.deepStrictEqual(COMMAND_IDS.filter((id) => !contributed.includes(id)), [], 'in commandIds.ts but not in package.json');
    assert.strictEqual(typed.size, COMMAND_IDS.length, 'no id listed twice');
  });

  it('names every command polyaxon.* in the Polyaxon category', () => {
    for (const c of manifest.contributes.commands) {
      assert.match(c.command, /^polyaxon\./);
      assert.strictEqual(c.category, 'Polyaxon', c.command);
    }
  });

  it('never activates on *, and pins the VS Code API at or below the tested 1.139', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    const floor = (v: string) => v.replace(/^[\^~]/, '').split('.').map(Number);
    const [maj, min] = floor(manifest.engines.vscode);
    assert.ok(maj === 1 && min <= 139, manifest.engines.vscode);
    const types = manifest.devDependencies['@types/vscode'];
    assert.match(types, /^\d/, '@types/vscode is pinned exactly');
    assert.ok(floor(types)[1] <= min, '@types/vscode is not newer than engines.vscode');
  });

  it('has runtime dependencies axios and yaml only', () => {
    assert.deepStrictEqual(Object.keys(manifest.dependencies).sort(), ['axios', 'yaml']);
  });

  it('every menu and welcome command exists', () => {
    const ids = new Set(contributed);
    const menus = Object.values(manifest.contributes.menus).flat() as { command: string }[];
    for (const m of menus) assert.ok(ids.has(m.command), m.command);
    const texts = [
      ...manifest.contributes.viewsWelcome.map((w: { contents: string }) => w.contents),
      ...manifest.contributes.walkthroughs.flatMap((w: { steps: { description: string }[] }) => w.steps.map((s) => s.description)),
    ];
    for (const text of texts) {
      for (const m of (text as string).matchAll(/\(command:([\w.]+)/g)) assert.ok(ids.has(m[1]), m[1]);
    }
  });

  it('gives every walkthrough step a button, a completion event and its markdown', () => {
    for (const step of manifest.contributes.walkthroughs[0].steps) {
      assert.match(step.description, /\(command:polyaxon\./, step.id);
      assert.ok(step.completionEvents.length > 0, step.id);
      assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.media.markdown);
    }
  });

  it('puts the TLS settings out of reach of a workspace', () => {
    const props = manifest.contributes.configuration.properties;
    for (const key of ['polyaxon.host', 'polyaxon.tls.caFile', 'polyaxon.tls.insecure']) assert.strictEqual(props[key].scope, 'application', key);
  });
});

describe('layers', () => {
  it('keeps the Polyaxon client, the polyaxonfile logic and the service model free of the VS Code API', () => {
    for (const dir of ['polyaxon', 'polyaxonfile', 'services', 'devenv']) {
      for (const file of sourceFiles(path.join(root, 'src', dir))) {
        assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, path.relative(root, file));
      }
    }
  });
});
