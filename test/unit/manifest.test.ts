import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_IDS } from '../../src/shared/commandIds';

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
    assert.deepStrictEqual(
      contributed.filter((id) => !typed.has(id)),
      [],
      'in package.json but not in commandIds.ts',
    );
    assert.deepStrictEqual(
      COMMAND_IDS.filter((id) => !contributed.includes(id)),
      [],
      'in commandIds.ts but not in package.json',
    );
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
    const floor = (v: string) =>
      v
        .replace(/^[\^~]/, '')
        .split('.')
        .map(Number);
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

  type Walkthrough = {
    id: string;
    when: string;
    steps: { id: string; description: string; completionEvents: string[]; media: { markdown: string } }[];
  };
  const walkthroughs: Walkthrough[] = manifest.contributes.walkthroughs;

  it('splits the walkthrough: laptop steps on a laptop, in-service steps in a service', () => {
    const steps = (when: string) => walkthroughs.find((w) => w.when === when)?.steps.map((s) => s.id);
    assert.deepStrictEqual(steps('!polyaxon.inCluster'), ['connect', 'project', 'build', 'launch', 'open', 'notebook']);
    assert.deepStrictEqual(steps('polyaxon.inCluster'), ['clone', 'gitAndCloud']);
  });

  it('ticks connect, project, build, launch and notebook from what happened, through context keys the code sets', () => {
    const keys = fs.readFileSync(path.join(root, 'src/servicesView/contextKeys.ts'), 'utf8');
    const events = (id: string) => walkthroughs.flatMap((w) => w.steps).find((s) => s.id === id)?.completionEvents;
    for (const [id, key] of [
      ['connect', 'polyaxon.connected'],
      ['project', 'polyaxon.projectChosen'],
      ['launch', 'polyaxon.serviceRunning'],
      // not on the command: a cancelled picker built nothing, and without the Jupyter extension nothing was opened
      ['build', 'polyaxon.imageBuilt'],
      ['notebook', 'polyaxon.notebookKernelUsed'],
    ]) {
      assert.deepStrictEqual(events(id), [`onContext:${key}`], id);
      assert.ok(keys.includes(`'${key}': boolean`), `${key} is a typed context key`);
    }
  });

  it('gives every walkthrough step a button, a completion event and its markdown', () => {
    const all = walkthroughs.flatMap((w) => w.steps);
    assert.ok(all.length > 0);
    for (const step of all) {
      assert.match(step.description, /\(command:polyaxon\./, step.id);
      assert.ok(step.completionEvents.length > 0, step.id);
      assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.media.markdown);
    }
  });

  const palette: { command: string; when: string }[] = manifest.contributes.menus.commandPalette;
  const paletteWhen = (id: string) => palette.find((e) => e.command === id)?.when;

  it('hides the in-cluster commands on laptops, and the dev-image build inside a service', () => {
    for (const id of ['polyaxon.cloneRepository', 'polyaxon.activateServiceAccount', 'polyaxon.toggleGitTerminalAuthentication']) {
      assert.strictEqual(paletteWhen(id), 'polyaxon.inCluster', id);
    }
    assert.strictEqual(paletteWhen('polyaxon.buildImage'), '!polyaxon.inCluster');
  });

  it('shows in the palette the service commands that ask for their target when run without one', () => {
    for (const id of ['polyaxon.stop', 'polyaxon.delete', 'polyaxon.openInWebview', 'polyaxon.openInBrowser', 'polyaxon.showLogs']) {
      assert.ok(contributed.includes(id), id);
      assert.strictEqual(paletteWhen(id), undefined, `${id} is hidden from the palette`);
    }
  });

  it('declares a task type only where a task provider resolves it', () => {
    const types: string[] = (manifest.contributes.taskDefinitions ?? []).map((t: { type: string }) => t.type);
    const sources = sourceFiles(path.join(root, 'src'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    for (const type of types) assert.match(sources, new RegExp(`registerTaskProvider\\(\\s*'${type}'`), type);
  });

  it('is ready to publish: a 128×128 PNG icon, a prepublish build, and runs where the workspace is', () => {
    const png = fs.readFileSync(path.join(root, manifest.icon));
    assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG');
    // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(manifest.scripts['vscode:prepublish'], /npm run build/);
    // kubectl, the workspace's polyaxonfiles, the CLI's ~/.polyaxon and the service's environment are all on the workspace side.
    assert.deepStrictEqual(manifest.extensionKind, ['workspace']);
  });

  it('type-checks the extension host code without the DOM library', () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
    assert.ok(!tsconfig.compilerOptions.lib.some((l: string) => /^dom/i.test(l)), tsconfig.compilerOptions.lib.join(', '));
  });

  it('puts the TLS settings out of reach of a workspace', () => {
    const props = manifest.contributes.configuration.properties;
    for (const key of ['polyaxon.host', 'polyaxon.tls.caFile', 'polyaxon.tls.insecure']) {
      assert.strictEqual(props[key].scope, 'application', key);
    }
  });
});

describe('layers', () => {
  it('keeps the VS Code API in vscode/ folders and the wiring (extension.ts, api.ts) only', () => {
    const plain = sourceFiles(path.join(root, 'src')).filter(
      (file) => !path.relative(root, file).split(path.sep).includes('vscode') && !/src\/(extension|api)\.ts$/.test(file),
    );
    assert.ok(
      plain.some((f) => f.includes(`${path.sep}polyaxon${path.sep}`)) && plain.some((f) => f.includes(`${path.sep}runs${path.sep}`)),
    );
    for (const file of plain) {
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, path.relative(root, file));
    }
  });
});
