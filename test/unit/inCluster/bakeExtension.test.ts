// The build context that adds this extension to a VS Code image: its Dockerfile copies the .vsix to the folder the
// bundled vscode-service.yml installs from before code-server starts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { BAKED_EXTENSIONS_DIR, BAKED_VSIX, bakeDockerfile, writeBakeContext } from '../../../src/inCluster/bakeExtension';
import { packExtension } from '../../../src/inCluster/vsixWriter';

const ROOT = path.resolve(__dirname, '../../../..');

describe('inCluster/bakeExtension', () => {
  it('copies the .vsix onto the image, into the folder the bundled service installs extensions from', () => {
    assert.strictEqual(
      bakeDockerfile('asia.gcr.io/p/vscode-server:0.1.0'),
      'FROM asia.gcr.io/p/vscode-server:0.1.0\nCOPY polyaxon-dev-environments.vsix /opt/polyaxon/vscode-extensions/\n',
    );
    const service = YAML.parse(fs.readFileSync(path.join(ROOT, 'polyaxonfiles/vscode-service.yml'), 'utf8')) as {
      run: { container: { args: string[] } };
    };
    assert.ok(service.run.container.args[0].includes(` ${BAKED_EXTENSIONS_DIR}*.vsix;`), 'the start script installs from there');
  });

  it("writes a build context holding just the Dockerfile and the extension's .vsix", async () => {
    const dir = await writeBakeContext(ROOT, 'registry.example.com/team/vscode-server:1.0.0');
    try {
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['Dockerfile', BAKED_VSIX]);
      assert.strictEqual(
        fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'),
        bakeDockerfile('registry.example.com/team/vscode-server:1.0.0'),
      );
      // Same files as packed directly (the zip's timestamps may differ by the second: compare from the file list on).
      const vsix = fs.readFileSync(path.join(dir, BAKED_VSIX));
      const direct = await packExtension(ROOT);
      assert.strictEqual(vsix.length, direct.length);
      assert.strictEqual(vsix.readUInt32LE(0), 0x04034b50, 'a zip');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
